package dev.stageport.runtime.kubernetes;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.builds.BuildRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stageport-only paths the Kubernetes driver relies on: the manifests it would apply,
 * for review, and the build artifact download its pods' init container performs.
 */
@RestController
public class KubernetesController {

    private final KubernetesManifestService manifests;
    private final BuildRepository builds;
    private final ArtifactStore artifacts;

    public KubernetesController(KubernetesManifestService manifests, BuildRepository builds, ArtifactStore artifacts) {
        this.manifests = manifests;
        this.builds = builds;
        this.artifacts = artifacts;
    }

    @GetMapping(path = "/api/stageport/v1/environments/{environmentKey}/assets/{assetKey}/kubernetes-manifests",
            produces = "application/yaml")
    public String manifests(Caller caller, @PathVariable String environmentKey, @PathVariable String assetKey,
                            @RequestParam(required = false) String buildKey) {
        return manifests.yaml(caller, environmentKey, assetKey, buildKey);
    }

    /** The build's artifact zip, as stored; the digest header lets the downloader verify it. */
    @GetMapping("/api/stageport/v1/builds/{buildKey}/artifact")
    public ResponseEntity<Resource> artifact(Caller caller, @PathVariable String buildKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(buildKey, "buildKey").toString();
        if (builds.find(key).isEmpty()) {
            throw ApiException.notFound("There is no build " + key + ".");
        }
        // the build exists but has nothing to download (not finished, or from before artifacts were kept)
        String digest = builds.artifact(key).map(a -> a.digest())
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
