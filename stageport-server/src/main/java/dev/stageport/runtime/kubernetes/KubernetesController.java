package dev.stageport.runtime.kubernetes;

import dev.stageport.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manifests the Kubernetes driver would apply, for review. The build artifact download
 * its pods' init container performs is the builds' own ({@code builds/BuildArtifactController}).
 */
@RestController
public class KubernetesController {

    private final KubernetesManifestService manifests;

    public KubernetesController(KubernetesManifestService manifests) {
        this.manifests = manifests;
    }

    @GetMapping(path = "/api/stageport/v1/environments/{environmentKey}/assets/{assetKey}/kubernetes-manifests",
            produces = "application/yaml")
    public String manifests(Caller caller, @PathVariable String environmentKey, @PathVariable String assetKey,
                            @RequestParam(required = false) String buildKey) {
        return manifests.yaml(caller, environmentKey, assetKey, buildKey);
    }
}
