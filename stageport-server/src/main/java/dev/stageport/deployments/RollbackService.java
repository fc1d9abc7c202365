package dev.stageport.deployments;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.configurations.EffectiveConfiguration;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationRunner.StepFailed;
import dev.stageport.deployments.RollbackRepository.Rollback;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Rollback: a Deploy of an earlier deployment's build with the configuration that deployment
 * applied (its snapshot, secrets still sealed), not the stage's current values, which stay as
 * they are. By default the deployment before the current one. Needs Deploy apps on the stage.
 */
@Service
public class RollbackService {

    private final DeploymentService deployments;
    private final DeploymentRepository operations;
    private final RollbackRepository rollbacks;
    private final MessageRepository messages;
    private final StageRepository stages;
    private final AssetRepository assets;
    private final BuildRepository builds;
    private final DeployedAssetRepository deployed;
    private final Clock clock;

    RollbackService(DeploymentService deployments, DeploymentRepository operations, RollbackRepository rollbacks,
                    MessageRepository messages, StageRepository stages, AssetRepository assets,
                    BuildRepository builds, DeployedAssetRepository deployed, Clock clock) {
        this.deployments = deployments;
        this.operations = operations;
        this.rollbacks = rollbacks;
        this.messages = messages;
        this.stages = stages;
        this.assets = assets;
        this.builds = builds;
        this.deployed = deployed;
        this.clock = clock;
    }

    public DeploymentOperationResponse rollback(Caller caller, String environmentKey, String assetKey,
                                                RollbackRequest body, String freezeOverride) {
        String envKey = Keys.parse(environmentKey, "environmentKey").toString();
        String key = Keys.parse(assetKey, "assetKey").toString();
        caller.require(Permission.DEPLOY_APPS, envKey);
        stages.find(envKey).orElseThrow(() -> ApiException.stageNotFound(envKey));
        Asset asset = assets.find(key).orElseThrow(() -> ApiException.notFound("No asset with key " + key + "."));
        Optional<DeployedAsset> current = deployed.find(envKey, key);
        DeploymentOperation target = body == null || body.toOperationKey() == null
                ? deploymentBefore(envKey, key, current) : chosen(envKey, key, body.toOperationKey(), current);
        Build build = builds.find(target.buildKey()).filter(Build::deployable).orElseThrow(() -> ApiException.conflict(
                "The build " + target.buildKey() + " that operation " + target.key() + " deployed is no longer a "
                        + "finished Release build, so it cannot be deployed again."));
        String replaced = current.map(DeployedAsset::deploymentKey).orElse(null);
        DeploymentOperation op = deployments.record(DeploymentOperationsType.Deploy, asset, build.assetRevision(),
                build.key(), envKey, caller.clientId(), caller, freezeOverride, recorded -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    rollbacks.insert(new Rollback(recorded.key(), target.key(), replaced), caller.clientId(), now);
                    messages.record(recorded.key(), now, "DeploymentProgress", Severity.Info, "Rollback requested by "
                            + caller.clientId() + ": deploys revision " + build.assetRevision() + " (build "
                            + build.key() + ") with the configuration operation " + target.key() + " applied"
                            + (replaced == null ? "" : ", replacing operation " + replaced)
                            + ". The stage's pending values are not changed.", DeploymentStep.Validate.name(),
                            asset.key());
                });
        return DeploymentOperationResponse.of(op);
    }

    /**
     * The configuration a rollback operation runs with, the snapshot its target applied; empty
     * for every other operation. Nothing of it is marked applied: the stage's values stay pending.
     */
    Optional<EffectiveConfiguration.Resolved> restoredConfiguration(DeploymentOperation op) {
        return rollbacks.find(op.key()).map(rollback -> {
            String snapshot = operations.find(rollback.toOperationKey()).map(DeploymentOperation::appliedConfig)
                    .orElseThrow(() -> new StepFailed("The configuration of operation " + rollback.toOperationKey()
                            + " is no longer stored."));
            return new EffectiveConfiguration.Resolved(snapshot, Map.of(), List.of("Restored the configuration "
                    + "that operation " + rollback.toOperationKey() + " applied; the stage's own values are left "
                    + "as they are."));
        });
    }

    private DeploymentOperation deploymentBefore(String envKey, String assetKey, Optional<DeployedAsset> current) {
        DeployedAsset running = current.orElseThrow(() -> ApiException.conflict("The asset " + assetKey
                + " is not deployed in the stage " + envKey + ", so there is no deployment before the current one; "
                + "name one with 'toOperationKey'."));
        return rollbacks.deploymentBefore(envKey, assetKey, running.deploymentKey()).flatMap(operations::find)
                .orElseThrow(() -> ApiException.conflict("No deployment of the asset " + assetKey + " in the stage "
                        + envKey + " finished before the current one (" + running.deploymentKey()
                        + "); there is nothing to roll back to."));
    }

    private DeploymentOperation chosen(String envKey, String assetKey, String toOperationKey,
                                       Optional<DeployedAsset> current) {
        String key = Keys.parse(toOperationKey, "toOperationKey").toString();
        DeploymentOperation target = operations.find(key).orElseThrow(() -> ApiException.notFound(
                "'toOperationKey': no deployment operation with key " + key + "."));
        if (!target.assetKey().equals(assetKey) || !target.environmentKey().equals(envKey)) {
            throw ApiException.badRequest("'toOperationKey': the operation " + key + " deployed "
                    + (target.assetKey().equals(assetKey) ? "to another stage" : "another asset")
                    + "; a rollback restores a deployment of the same asset in the same stage.");
        }
        if (target.status() != OperationStatus.Finished || target.appliedConfig() == null
                || target.operation() == DeploymentOperationsType.Undeploy) {
            throw ApiException.notFound("'toOperationKey': the operation " + key + " (" + target.operation() + ", "
                    + target.status() + ") deployed nothing to roll back to.");
        }
        if (current.map(c -> c.deploymentKey().equals(key)).orElse(false)) {
            throw ApiException.conflict("'toOperationKey': the operation " + key + " is what runs now; there is "
                    + "nothing to roll back.");
        }
        return target;
    }
}
