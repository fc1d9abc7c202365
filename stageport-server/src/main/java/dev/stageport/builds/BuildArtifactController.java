package dev.stageport.builds;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.web.Keys;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A build's artifact zip, as stored: the Kubernetes driver's pods download it in their init container. */
@RestController
public class BuildArtifactController {

    private final BuildRepository builds;
    private final ArtifactStore artifacts;

    public BuildArtifactController(BuildRepository builds, ArtifactStore artifacts) {
        this.builds = builds;
        this.artifacts = artifacts;
    }

    /** The digest header lets the downloader verify what it got. */
    @GetMapping("/api/stageport/v1/builds/{buildKey}/artifact")
    public ResponseEntity<Resource> artifact(Caller caller, @PathVariable String buildKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(buildKey, "buildKey").toString();
        if (builds.find(key).isEmpty()) {
            throw ApiException.notFound("There is no build " + key + ".");
        }
        // the build exists but has nothing to download (not finished, or from before artifacts were kept)
        String digest = builds.artifact(key).map(BuildArtifact::digest)
                .orElseThrow(() -> ApiException.conflict("The build " + key + " has no artifact."));
        Path path = artifacts.find(digest)
                .orElseThrow(() -> ApiException.conflict("The artifact of build " + key + " is missing from the "
                        + "artifact store."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + ".zip\"")
                .header("X-Artifact-Digest", digest)
                .body(new FileSystemResource(path));
    }
}
