package dev.stageport.builds;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.builds.api.GeneratedCodePackageResponse;
import dev.stageport.builds.api.GeneratedCodePackagingResponse;
import dev.stageport.identity.Caller;
import dev.stageport.errors.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Build operations API: a build's generated code; and Stageport's download of the finished package. */
@RestController
public class GeneratedCodeController {

    private final GeneratedCodeService generatedCode;
    private final ArtifactStore artifacts;

    public GeneratedCodeController(GeneratedCodeService generatedCode, ArtifactStore artifacts) {
        this.generatedCode = generatedCode;
        this.artifacts = artifacts;
    }

    @PostMapping("/api/builds/v1/build-operations/{operationKey}/generated-code")
    @ResponseStatus(HttpStatus.CREATED)
    GeneratedCodePackagingResponse start(Caller caller, @PathVariable String operationKey) {
        return generatedCode.start(caller, operationKey);
    }

    @GetMapping("/api/builds/v1/build-operations/{operationKey}/generated-code")
    GeneratedCodePackageResponse status(Caller caller, @PathVariable String operationKey) {
        return generatedCode.status(caller, operationKey);
    }

    @GetMapping("/api/stageport/v1/builds/{buildKey}/generated-code")
    ResponseEntity<Resource> download(Caller caller, @PathVariable String buildKey) {
        String digest = generatedCode.packageDigest(caller, buildKey);
        var path = artifacts.find(digest).orElseThrow(() -> ApiException.conflict("The generated-code package of"
                + " build " + buildKey + " is missing from the artifact store; POST generated-code again."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + buildKey + "-generated-code.zip\"")
                .header("X-Artifact-Digest", digest)
                .body(new FileSystemResource(path));
    }
}
