package dev.stageport.deployments;

import dev.stageport.policy.ApprovalGate;
import dev.stageport.work.Lease;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The AwaitApproval step of a Deploy: passes when no approval is needed or it was granted,
 * ends the operation when it was rejected or ran out of time, and otherwise announces who
 * must approve (once) and makes the worker snooze the operation until a decision wakes it.
 */
@Component
class AwaitApproval {

    static final String STEP = DeploymentStep.AwaitApproval.name();

    private final ApprovalGate gate;
    private final DeploymentOutcome outcome;
    private final Clock clock;

    AwaitApproval(ApprovalGate gate, DeploymentOutcome outcome, Clock clock) {
        this.gate = gate;
        this.outcome = outcome;
        this.clock = clock;
    }

    /** The operation waits: the worker hands it back until {@code until}. */
    static final class Waiting extends RuntimeException {
        final Instant until;

        Waiting(Instant until) {
            super("waiting for approval", null, false, false);
            this.until = until;
        }
    }

    void run(Lease lease, DeploymentOperation op) {
        ApprovalGate.Verdict verdict = gate.check(op.key(), clock.instant());
        if (verdict instanceof ApprovalGate.Verdict.Go go) {
            outcome.info(lease, op, STEP, go.text());
        } else if (verdict instanceof ApprovalGate.Verdict.Stop stop) {
            throw new OperationRunner.StepFailed(stop.text());
        } else if (verdict instanceof ApprovalGate.Verdict.Wait wait) {
            if (wait.announce() != null) {
                outcome.info(lease, op, STEP, wait.announce());
            }
            Instant deadline = lease.claimed().deadlineAt();
            throw new Waiting(deadline != null && deadline.isBefore(wait.until()) ? deadline : wait.until());
        }
    }
}
