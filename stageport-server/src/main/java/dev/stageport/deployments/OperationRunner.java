package dev.stageport.deployments;

import static dev.stageport.deployments.DeploymentStep.Activate;
import static dev.stageport.deployments.DeploymentStep.HealthCheck;
import static dev.stageport.deployments.DeploymentStep.Provision;
import static dev.stageport.deployments.DeploymentStep.ResolveConfiguration;
import static dev.stageport.deployments.DeploymentStep.RetirePrevious;
import static dev.stageport.deployments.DeploymentStep.Validate;

import dev.stageport.configurations.EffectiveConfiguration;
import dev.stageport.configurations.EffectiveConfiguration.ConfigurationRejected;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.DeployableBuilds;
import dev.stageport.runtime.DeployableBuilds.DeployableBuild;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.runtime.RuntimeRegistry;
import dev.stageport.work.InjectedFailure;
import dev.stageport.work.Lease;
import dev.stageport.work.LeaseLost;
import dev.stageport.work.RetryPolicy;
import dev.stageport.work.Step;
import dev.stageport.work.StepRunner;
import dev.stageport.work.Stopped;
import dev.stageport.work.WorkHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed deployment operation through its step plan ({@link DeploymentStep}). A
 * resumed operation continues after its last completed step; one that died inside Activate
 * is undone instead. A failure, a cancel or a passed deadline discards the candidate (what
 * ran before keeps serving) and ends it FinishedWithError. ApplyConfigs deploys the
 * running build with the new configuration.
 */
@Component
class OperationRunner implements WorkHandler {

    static final String KIND = "deployment";
    static final String PROVISION = Provision.name();
    static final String HEALTH_CHECK = HealthCheck.name();
    static final String ACTIVATE = Activate.name();
    static final String RETIRE = RetirePrevious.name();
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final DeploymentRepository operations;
    private final DeploymentOutcome outcome;
    private final StageRepository stages;
    private final DeployableBuilds builds;
    private final DeployedAssetRepository deployed;
    private final EffectiveConfiguration configurations;
    private final RuntimeRegistry runtimes;
    private final StepRunner steps;
    private final AwaitApproval awaitApproval;
    private final EngineMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retry = RetryPolicy.DEFAULT;
    private final HealthGateWatch gate;
    private final RollbackService rollbacks;
    private final DeploymentUndo undo;

    OperationRunner(DeploymentRepository operations, DeploymentOutcome outcome, StageRepository stages,
                    DeployableBuilds builds, DeployedAssetRepository deployed, EffectiveConfiguration configurations,
                    RuntimeRegistry runtimes, StepRunner steps, AwaitApproval awaitApproval, EngineMetrics metrics,
                    Clock clock, HealthGateWatch gate, RollbackService rollbacks, DeploymentUndo undo) {
        this.awaitApproval = awaitApproval;
        this.gate = gate;
        this.undo = undo;
        this.rollbacks = rollbacks;
        this.operations = operations;
        this.outcome = outcome;
        this.stages = stages;
        this.builds = builds;
        this.deployed = deployed;
        this.configurations = configurations;
        this.runtimes = runtimes;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A step did not succeed; {@code message} becomes the operation's Error message. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** What one run knows about the operation; steps fill it in as they go. */
    private static final class Run {
        final DeploymentOperation op;
        final Lease lease;
        Stage stage;
        Runtime runtime;
        EffectiveConfiguration.Resolved resolved;
        RuntimeContext candidate;
        /** Resumed after a crash inside Activate, and the runtime says the switch took effect. */
        boolean switchedBeforeCrash;

        Run(DeploymentOperation op, Lease lease) {
            this.op = op;
            this.lease = lease;
        }
    }

    @Override
    public void run(Lease lease) {
        DeploymentOperation op = operations.find(lease.key()).orElse(null);
        if (op == null || op.status().terminal()) {
            outcome.endWork(lease);
            return;
        }
        Run run = new Run(op, lease);
        try {
            if (lease.abandoned()) {
                outcome.info(lease, op, lease.step(), "The worker that ran this operation stopped; resuming after "
                        + (lease.claimed().lastCompletedStep() == null ? "no completed step"
                        : "step " + lease.claimed().lastCompletedStep()) + ".");
            }
            switch (op.operation()) {
                case Deploy, ApplyConfigs -> deploy(run);
                case Undeploy -> undeploy(run);
                default -> throw new StepFailed("Unknown operation " + op.operation() + ".");
            }
        } catch (AwaitApproval.Waiting waiting) {
            outcome.snooze(lease, waiting.until);
        } catch (LeaseLost lost) {
            log.info("{}; another worker owns it now.", lost.getMessage());
            metrics.stepEnded(op.operation().name(), String.valueOf(lease.step()), EngineMetrics.LOST,
                    Duration.ZERO);
        } catch (Stopped | StepFailed | RuntimeFailure | ConfigurationRejected | InjectedFailure e) {
            undo.undoAndFail(run.lease, run.op, run.stage, run.runtime, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Operation {} failed unexpectedly in step {}", op.key(), lease.step(), e);
            undo.undoAndFail(run.lease, run.op, run.stage, run.runtime,
                    "An internal error stopped the operation; nothing was switched after the failing step.");
        }
    }

    private void deploy(Run run) {
        DeploymentOperation op = run.op;
        List<DeploymentStep> plan = DeploymentStep.DEPLOY;
        Optional<Step> unsafe = steps.unsafeToResume(run.lease, plan);
        step(run, plan, Validate, () -> validate(run));
        if (unsafe.isPresent()) {
            run.switchedBeforeCrash = (unsafe.get() == Activate ? run.runtime.switched(run.candidate)
                    : Optional.<Boolean>empty()).orElseThrow(() -> new StepFailed("The server stopped during step "
                    + unsafe.get().name() + ", so the runtime's state is unknown and the operation cannot be resumed"
                    + " safely; it was rolled back."));
        }
        step(run, plan, ResolveConfiguration, () -> {
            run.resolved = rollbacks.restoredConfiguration(op)
                    .map(restored -> {
                        quietOnReplay(run, ResolveConfiguration, restored.summary().get(0));
                        return restored;
                    }).orElseGet(() -> resolve(run, run.candidate.revision()));
            run.candidate = run.candidate.withConfiguration(run.resolved.snapshotJson());
        });
        step(run, plan, DeploymentStep.AwaitApproval, () -> awaitApproval.run(run.lease, op));
        int revision = run.candidate.revision();
        step(run, plan, Provision, () -> {
            run.runtime.provision(run.candidate);
            outcome.info(run.lease, op, PROVISION, "Provisioned revision " + revision + " next to the running one.");
        });
        step(run, plan, HealthCheck, () -> {
            run.runtime.healthCheck(run.candidate);
            outcome.info(run.lease, op, HEALTH_CHECK, "The new instance is healthy.");
        });
        step(run, plan, Activate, () -> {
            if (run.switchedBeforeCrash) {
                outcome.info(run.lease, op, ACTIVATE, "Traffic had switched to revision " + revision + " before the "
                        + "server stopped; the switch is not repeated.");
                return;
            }
            run.runtime.activate(run.candidate);
            outcome.info(run.lease, op, ACTIVATE, "Traffic switched to revision " + revision + ".");
        });
        step(run, plan, DeploymentStep.HealthGate, () -> gate.watch(run.lease, op, run.runtime, run.candidate,
                previous(run).orElse(null)));
        step(run, plan, RetirePrevious, () -> Retirement.retire(outcome, run.lease, op, run.stage, run.runtime,
                Optional.ofNullable(run.candidate.previous())));
        step(run, plan, DeploymentStep.Record, () -> outcome.recordDeployed(run.lease, op, run.resolved, revision,
                run.candidate.buildKey(), op.operation() == DeploymentOperationsType.ApplyConfigs
                        ? "Recorded the applied configuration." : "Recorded revision " + revision + " as deployed."));
    }

    private void validate(Run run) {
        DeploymentOperation op = run.op;
        run.stage = stages.find(op.environmentKey())
                .orElseThrow(() -> new StepFailed("The stage " + op.environmentKey() + " no longer exists."));
        run.runtime = runtimes.forStage(run.stage);
        run.lease.effectsWrittenWithProgress(run.runtime.effectsAreDatabaseRows());
        DeployedAsset previous = deployed.find(op.environmentKey(), op.assetKey())
                .filter(c -> !c.deploymentKey().equals(op.key())).orElse(null);
        if (op.operation() == DeploymentOperationsType.ApplyConfigs) {
            DeployedAsset running = Optional.ofNullable(previous).orElseThrow(() -> notDeployed(op));
            Optional<DeployableBuild> build = builds.find(op.assetKey(), running.buildKey()); // once per operation
            run.candidate = new RuntimeContext(run.stage, op.assetKey(), running.revision(), running.buildKey(),
                    op.key(), null, build.map(DeployableBuild::artifactDigest).orElse(null),
                    build.map(DeployableBuild::runSpec).orElse(null), previous);
            quietOnReplay(run, Validate, "Validated: revision " + running.revision() + " runs in the stage;"
                    + " its build is deployed again with the new configuration.");
            return;
        }
        DeployableBuild build = builds.find(op.assetKey(), op.buildKey()).filter(DeployableBuild::deployable)
                .orElseThrow(() -> new StepFailed("The build " + op.buildKey() + " is no longer a finished Release "
                        + "build."));
        run.candidate = new RuntimeContext(run.stage, op.assetKey(), op.revision(), op.buildKey(), op.key(), null,
                build.artifactDigest(), build.runSpec(), previous);
        quietOnReplay(run, Validate, "Validated: revision " + op.revision() + ", Release build "
                + build.key() + "." + Optional.ofNullable(previous)
                .map(c -> " Revision " + c.revision() + " runs now and keeps running until the switch.").orElse(""));
    }

    /** What served before this operation, as the runtime knows it (retired after the health gate). */
    private Optional<RuntimeContext> previous(Run run) {
        return Optional.ofNullable(run.candidate.previous()).map(before -> new RuntimeContext(run.stage,
                run.op.assetKey(), before.revision(), before.buildKey(), run.op.key(), before.configSnapshot()));
    }

    private void undeploy(Run run) {
        DeploymentOperation op = run.op;
        List<DeploymentStep> plan = DeploymentStep.UNDEPLOY;
        step(run, plan, Validate, () -> validate(run));
        step(run, plan, DeploymentStep.Undeploy, () -> {
            run.runtime.undeploy(new RuntimeContext(run.stage, op.assetKey(), run.candidate.revision(),
                    run.candidate.buildKey(), op.key(), null));
            outcome.info(run.lease, op, DeploymentStep.Undeploy.name(), "Stopped and removed revision "
                    + run.candidate.revision() + ".");
        });
        step(run, plan, DeploymentStep.Record, () -> outcome.recordUndeployed(run.lease, op));
    }

    private EffectiveConfiguration.Resolved resolve(Run run, int revision) {
        EffectiveConfiguration.Resolved resolved;
        try {
            resolved = configurations.resolve(run.op.environmentKey(), run.op.assetKey(), revision);
        } catch (ConfigurationRejected e) {
            throw new StepFailed("The configuration was rejected: " + e.getMessage());
        }
        quietOnReplay(run, ResolveConfiguration, resolved.summary().isEmpty() ? "Resolved the configuration."
                : "Resolved the configuration: " + String.join("; ", resolved.summary()));
        return resolved;
    }

    /** A read is run again after a wait (a snooze), and its message is there once already. */
    private void quietOnReplay(Run run, DeploymentStep step, String text) {
        if (run.lease.abandoned() || !steps.completedBefore(run.lease, DeploymentStep.DEPLOY, step)) {
            outcome.info(run.lease, run.op, step.name(), text);
        }
    }

    /** Runs a step through the engine's step runner and times it for the step metrics. */
    private void step(Run run, List<DeploymentStep> plan, DeploymentStep step, Runnable action) {
        Instant started = clock.instant();
        String outcomeLabel = EngineMetrics.FAILED;
        try {
            steps.run(run.lease, plan, step, retry, action);
            outcomeLabel = EngineMetrics.OK;
        } catch (AwaitApproval.Waiting waiting) {
            outcomeLabel = EngineMetrics.WAITING;
            throw waiting;
        } finally {
            metrics.stepEnded(run.op.operation().name(), step.name(), outcomeLabel,
                    Duration.between(started, clock.instant()));
        }
    }

    private StepFailed notDeployed(DeploymentOperation op) {
        return new StepFailed("The asset " + op.assetKey() + " is not deployed in the stage " + op.environmentKey() + ".");
    }
}
