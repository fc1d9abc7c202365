package dev.stageport.deployments;

import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeRegistry;
import dev.stageport.work.Lease;
import dev.stageport.work.LeaseLost;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a deployment operation that cannot finish ends: the candidate it started before the
 * switch is discarded, so what ran before keeps serving, then the Error message and the
 * terminal status are written together.
 */
@Component
class CandidateRollback {

    private static final Logger log = LoggerFactory.getLogger(CandidateRollback.class);

    private final StageRepository stages;
    private final RuntimeRegistry runtimes;
    private final DeployedAssetRepository deployed;
    private final DeploymentOutcome outcome;

    CandidateRollback(StageRepository stages, RuntimeRegistry runtimes, DeployedAssetRepository deployed,
                      DeploymentOutcome outcome) {
        this.stages = stages;
        this.runtimes = runtimes;
        this.deployed = deployed;
        this.outcome = outcome;
    }

    /** {@code stage} and {@code runtime} are null when the run failed before it read them. */
    void undoAndFail(Lease lease, DeploymentOperation op, Stage stage, Runtime runtime, String text) {
        if (lease.lost()) {
            return;
        }
        String undone = "";
        try {
            if (runtime == null) {
                stage = stages.find(op.environmentKey()).orElse(null);
                runtime = stage == null ? null : runtimes.forStage(stage);
            }
            if (runtime != null && op.operation() != DeploymentOperationsType.Undeploy && stage != null) {
                boolean switched = deployed.find(op.environmentKey(), op.assetKey())
                        .map(d -> d.deploymentKey().equals(op.key())).orElse(false);
                if (!switched) {
                    runtime.discard(new RuntimeContext(stage, op.assetKey(),
                            op.revision() == null ? 0 : op.revision(), op.buildKey(), op.key(), null));
                    undone = stepWasStarted(lease) ? " The new instance was discarded; what ran before keeps serving."
                            : "";
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not discard the candidate of operation {}: {}", op.key(), e.toString());
            undone = " The new instance could not be discarded: " + e.getMessage();
        }
        try {
            outcome.fail(lease, op, text + undone);
        } catch (LeaseLost lost) {
            log.info("{}; its new owner reports the outcome.", lost.getMessage());
        }
    }

    private static boolean stepWasStarted(Lease lease) {
        return lease.abandoned() || List.of(OperationRunner.PROVISION, OperationRunner.HEALTH_CHECK,
                OperationRunner.ACTIVATE).contains(lease.step());
    }
}
