package dev.stageport.deployments;

import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationRunner.StepFailed;
import dev.stageport.policy.HealthGate;
import dev.stageport.policy.StagePolicyRepository;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.work.Lease;
import dev.stageport.work.StepRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HealthGate step: after the switch, probes the new revision until the stage's gate
 * window (on the injected clock) has passed. Enough failed probes, a cancel or a passed
 * deadline switch traffic back to the previous revision, which RetirePrevious has not stopped
 * yet, and fail the operation with the probe results. A stage without a gate passes at once.
 */
@Component
class HealthGateWatch {

    static final String STEP = DeploymentStep.HealthGate.name();
    /** Failed probes quoted in the Error message; the rest are counted. */
    private static final int QUOTED = 10;

    private final StagePolicyRepository policies;
    private final StepRunner steps;
    private final DeploymentOutcome outcome;
    private final Clock clock;
    private final Duration interval;

    HealthGateWatch(StagePolicyRepository policies, StepRunner steps, DeploymentOutcome outcome, Clock clock,
                    @Value("${stageport.engine.health-gate-interval:1s}") Duration interval) {
        this.policies = policies;
        this.steps = steps;
        this.outcome = outcome;
        this.clock = clock;
        this.interval = interval;
    }

    /** @param previous what served before the switch, null when nothing did */
    void watch(Lease lease, DeploymentOperation op, Runtime runtime, RuntimeContext candidate,
               RuntimeContext previous) {
        HealthGate gate = policies.find(op.environmentKey()).healthGate();
        if (gate == null) {
            return;
        }
        outcome.info(lease, op, STEP, "Health gate: probing revision " + candidate.revision()
                + (gate.path() == null ? "" : " at " + gate.path()) + " for " + gate.seconds() + " s; "
                + gate.failures() + " failed probe(s) switch back to " + target(previous) + ".");
        Instant end = clock.instant().plusSeconds(gate.seconds());
        List<String> failed = new ArrayList<>();
        int probes = 0;
        while (true) {
            Optional<String> problem = runtime.probe(candidate, gate.path());
            probes++;
            if (problem.isPresent()) {
                failed.add("probe " + probes + " at " + clock.instant() + ": " + problem.get());
                outcome.message(lease, op, STEP, Severity.Warning, "DeploymentWarning", "Health gate probe "
                        + probes + " failed (" + failed.size() + " of " + gate.failures() + "): " + problem.get());
                if (failed.size() >= gate.failures()) {
                    throw switchedBack(lease, op, runtime, candidate, previous, "The health gate failed: "
                            + failed.size() + " of " + probes + " probes failed within " + gate.seconds() + " s ("
                            + quoted(failed) + ").");
                }
            }
            if (!clock.instant().isBefore(end)) {
                break;
            }
            if (!Lease.pause(interval)) {
                lease.ensureHeld(); // a lost lease (the server stopping) leaves the gate to the next worker
                String reason = steps.stopReason(lease, STEP).orElse("The operation was stopped.");
                throw switchedBack(lease, op, runtime, candidate, previous,
                        reason + " The health gate had not passed yet.");
            }
        }
        outcome.info(lease, op, STEP, "Health gate passed: " + probes + " probe(s) in " + gate.seconds() + " s, "
                + failed.size() + " failed.");
    }

    /**
     * Switches back and says so in a message of its own: a cancel or deadline replaces the
     * step's Error message with its reason, and the switch back must still be on the record.
     */
    private RuntimeException switchedBack(Lease lease, DeploymentOperation op, Runtime runtime,
                                          RuntimeContext candidate, RuntimeContext previous, String why) {
        String outcomeText;
        try {
            runtime.switchBack(candidate, previous);
            outcomeText = previous == null ? "Nothing ran before this deployment, so the new instance was stopped."
                    : "Traffic was switched back to revision " + previous.revision() + ", which keeps serving.";
        } catch (RuntimeFailure e) {
            outcomeText = "Switching back failed: " + e.getMessage();
        }
        outcome.message(lease, op, STEP, Severity.Warning, "DeploymentWarning", outcomeText);
        return new StepFailed(why + " " + outcomeText);
    }

    private static String target(RuntimeContext previous) {
        return previous == null ? "nothing (the new instance is stopped)" : "revision " + previous.revision();
    }

    private static String quoted(List<String> failed) {
        List<String> shown = failed.size() <= QUOTED ? failed : failed.subList(failed.size() - QUOTED, failed.size());
        return String.join("; ", shown) + (failed.size() > QUOTED ? "; and " + (failed.size() - QUOTED)
                + " earlier" : "");
    }
}
