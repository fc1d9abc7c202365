package dev.stageport.runtime.kubernetes;

import dev.stageport.configurations.EffectiveConfiguration;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.DeployableBuilds;
import dev.stageport.runtime.DeployableBuilds.DeployableBuild;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Renders, for review, the YAML the Kubernetes driver applies for an asset in a stage:
 * the deployed build with its applied configuration, or (with a build key) a build
 * with the configuration a Deploy would resolve now. Secret values are redacted.
 */
@Service
public class KubernetesManifestService {

    static final String REDACTED = "<redacted>";

    private final StageRepository stages;
    private final DeployedAssetRepository deployed;
    private final DeployableBuilds builds;
    private final EffectiveConfiguration configurations;
    private final KubernetesRuntime runtime;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public KubernetesManifestService(StageRepository stages, DeployedAssetRepository deployed, DeployableBuilds builds,
                                     EffectiveConfiguration configurations, KubernetesRuntime runtime) {
        this.stages = stages;
        this.deployed = deployed;
        this.builds = builds;
        this.configurations = configurations;
        this.runtime = runtime;
    }

    public String yaml(Caller caller, String environmentKey, String assetKey, String buildKey) {
        Stage stage = stages.find(Keys.parse(environmentKey, "environmentKey").toString())
                .orElseThrow(() -> ApiException.stageNotFound(environmentKey));
        caller.require(Permission.STAGE_VIEW, stage.key());
        String asset = Keys.parse(assetKey, "assetKey").toString();
        if (!KubernetesRuntime.DRIVER.equals(stage.runtimeDriver())) {
            throw ApiException.conflict("The stage '" + stage.name() + "' uses the runtime driver '"
                    + stage.runtimeDriver() + "'; manifests exist only for stages on the '" + KubernetesRuntime.DRIVER
                    + "' driver.");
        }
        RuntimeContext context = buildKey == null ? deployedContext(stage, asset) : previewContext(stage, asset, buildKey);
        ManifestRenderer.Manifests manifests;
        try {
            manifests = runtime.render(stage, context);
        } catch (RuntimeFailure | EffectiveConfiguration.ConfigurationRejected e) {
            throw ApiException.conflict(e.getMessage());
        }
        return manifests.all().stream().map(o -> o instanceof Secret s ? redacted(s) : o)
                .map(serialization::asYaml).collect(Collectors.joining());
    }

    private RuntimeContext deployedContext(Stage stage, String asset) {
        DeployedAsset running = deployed.find(stage.key(), asset)
                .orElseThrow(() -> ApiException.notFound("The asset " + asset + " is not deployed in the stage '"
                        + stage.name() + "'; pass ?buildKey= to preview a build."));
        Optional<DeployableBuild> build = builds.find(asset, running.buildKey());
        return new RuntimeContext(stage, asset, running.revision(), running.buildKey(), null,
                running.configSnapshot(), build.map(DeployableBuild::artifactDigest).orElse(null),
                build.map(DeployableBuild::runSpec).orElse(null), running);
    }

    private RuntimeContext previewContext(Stage stage, String asset, String buildKey) {
        DeployableBuild build = builds.find(asset, Keys.parse(buildKey, "buildKey").toString())
                .orElseThrow(() -> ApiException.notFound("The asset " + asset + " has no build " + buildKey + "."));
        if (!build.deployable()) {
            throw ApiException.conflict("The build " + buildKey + " is not a finished Release build.");
        }
        String config;
        try {
            config = configurations.resolve(stage.key(), asset, build.revision()).snapshotJson();
        } catch (EffectiveConfiguration.ConfigurationRejected e) {
            throw ApiException.conflict(e.getMessage());
        }
        return new RuntimeContext(stage, asset, build.revision(), build.key(), null, config, build.artifactDigest(),
                build.runSpec(), deployed.find(stage.key(), asset).orElse(null));
    }

    private static Secret redacted(Secret secret) {
        Map<String, String> masked = new LinkedHashMap<>();
        secret.getStringData().keySet().forEach(k -> masked.put(k, REDACTED));
        return new SecretBuilder(secret).withStringData(masked).build();
    }
}
