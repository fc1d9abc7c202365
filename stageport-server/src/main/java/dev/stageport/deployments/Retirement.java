package dev.stageport.deployments;

import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.Stage;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.work.Lease;
import java.util.Optional;

/** The RetirePrevious step: stops what served before the switch. */
final class Retirement {

    private static final String RETIRE = DeploymentStep.RetirePrevious.name();

    private Retirement() {
    }

    static void retire(DeploymentOutcome outcome, Lease lease, DeploymentOperation op, Stage stage, Runtime runtime,
                       Optional<DeployedAsset> previous) {
        if (previous.isEmpty()) {
            outcome.info(lease, op, RETIRE, "No previous deployment to retire.");
            return;
        }
        DeployedAsset before = previous.get();
        try {
            runtime.retire(new RuntimeContext(stage, op.assetKey(), before.revision(), before.buildKey(),
                    op.key(), before.configSnapshot()));
            outcome.info(lease, op, RETIRE, "Retired revision " + before.revision() + ".");
        } catch (RuntimeFailure e) {
            // the new revision already serves traffic: a lingering old instance is worth a warning, not a failure
            outcome.message(lease, op, RETIRE, Severity.Warning, "DeploymentWarning",
                    "Revision " + before.revision() + " could not be retired: " + e.getMessage());
        }
    }
}
