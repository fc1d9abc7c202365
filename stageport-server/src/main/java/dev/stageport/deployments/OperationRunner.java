package dev.stageport.deployments;

import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.configurations.EffectiveConfiguration;
import dev.stageport.configurations.EffectiveConfiguration.ConfigurationRejected;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.runtime.RuntimeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one claimed operation step by step. Each step first records itself
 * (current_step, conditional on the claim), then acts, then writes an Info
 * message. A {@link StepFailed} ends the operation FinishedWithError; the
 * deployed_asset row changes only in the final Record step, in the same
 * transaction as the status write, so a lost claim changes nothing.
 */
@Component
class OperationRunner {

    static final String VALIDATE = "Validate";
    static final String RESOLVE = "ResolveConfiguration";
    static final String PROVISION = "Provision";
    static final String HEALTH_CHECK = "HealthCheck";
    static final String ACTIVATE = "Activate";
    static final String RETIRE = "RetirePrevious";
    static final String APPLY = "ApplyConfiguration";
    static final String UNDEPLOY = "Undeploy";
    static final String RECORD = "Record";

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private final StageRepository stages;
    private final BuildRepository builds;
    private final DeployedAssetRepository deployed;
    private final EffectiveConfiguration configurations;
    private final RuntimeRegistry runtimes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OperationEvents events;
    private final EngineMetrics metrics;

    OperationRunner(DeploymentRepository operations, MessageRepository messages, StageRepository stages,
                    BuildRepository builds, DeployedAssetRepository deployed, EffectiveConfiguration configurations,
                    RuntimeRegistry runtimes, TransactionTemplate transactions, Clock clock, OperationEvents events,
                    EngineMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
        this.operations = operations;
        this.messages = messages;
        this.stages = stages;
        this.builds = builds;
        this.deployed = deployed;
        this.configurations = configurations;
        this.runtimes = runtimes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A step did not succeed; {@code message} becomes the operation's Error message. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    void run(DeploymentOperation op, Claim claim) {
        try {
            execute(op, claim);
        } finally {
            report(claim);
        }
    }

    private void execute(DeploymentOperation op, Claim claim) {
        String step = VALIDATE;
        try {
            step(claim, step);
            Stage stage = stages.find(op.environmentKey())
                    .orElseThrow(() -> new StepFailed("The stage " + op.environmentKey() + " no longer exists."));
            Runtime runtime = runtimes.forStage(stage);
            Optional<DeployedAsset> current = deployed.find(op.environmentKey(), op.assetKey());
            switch (op.operation()) {
                case Deploy -> deploy(op, claim, stage, runtime, current);
                case ApplyConfigs -> applyConfigs(op, claim, stage, runtime, current);
                case Undeploy -> undeploy(op, claim, stage, runtime, current);
                default -> throw new StepFailed("Unknown operation " + op.operation() + ".");
            }
        } catch (Claim.Lost lost) {
            log.info("{}; another worker owns it now.", lost.getMessage());
        } catch (StepFailed | RuntimeFailure | ConfigurationRejected e) {
            fail(op, claim, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Operation {} failed unexpectedly in step {}", op.key(), claim.step(), e);
            fail(op, claim, "An internal error stopped the operation; nothing was switched after the failing step.");
        }
    }

    /**
     * The previous holder's lease expired: the server stopped mid-operation. The
     * runtime steps are not re-run (they may have half-happened); the operation
     * ends with an Error saying where it stopped.
     */
    void recover(DeploymentOperation op, Claim claim) {
        String at = op.currentStep() == null ? "before its first step" : "during step " + op.currentStep();
        boolean beforeSwitch = op.currentStep() == null || switch (op.currentStep()) {
            case VALIDATE, RESOLVE, PROVISION, HEALTH_CHECK -> true;
            default -> false;
        };
        String outcome = beforeSwitch
                ? "Nothing was switched: what ran before keeps running. Start the operation again."
                : "The change may be partly applied; check the stage and start the operation again.";
        fail(op, claim, "The server stopped " + at + " of this " + op.operation() + ". " + outcome);
        report(claim);
    }

    /**
     * Metrics once the operation left our hands: the terminal status only when its
     * write committed, and the duration of the step that was in progress.
     */
    private void report(Claim claim) {
        OperationStatus ended = claim.ended();
        if (ended != null) {
            metrics.operationEnded(claim.operation, ended);
        }
        endStep(claim, ended == null ? EngineMetrics.LOST
                : ended == OperationStatus.Finished ? EngineMetrics.OK : EngineMetrics.FAILED);
    }

    private void endStep(Claim claim, String outcome) {
        Instant started = claim.stepStartedAt();
        if (started != null && claim.step() != null) {
            metrics.stepEnded(claim.operation, claim.step(), outcome, Duration.between(started, clock.instant()));
        }
        claim.stepStartedAt(null);
    }

    private void deploy(DeploymentOperation op, Claim claim, Stage stage, Runtime runtime,
                        Optional<DeployedAsset> current) {
        Build build = builds.find(op.buildKey()).filter(Build::deployable)
                .orElseThrow(() -> new StepFailed("The build " + op.buildKey() + " is no longer a finished Release "
                        + "build."));
        info(op, VALIDATE, "Validated: revision " + op.revision() + ", Release build " + build.key() + "."
                + current.map(c -> " Revision " + c.revision() + " runs now and keeps running until the switch.")
                .orElse(""));

        step(claim, RESOLVE);
        EffectiveConfiguration.Resolved resolved = resolve(op, op.revision());
        RuntimeContext context = new RuntimeContext(stage, op.assetKey(), op.revision(), op.buildKey(), op.key(),
                resolved.snapshotJson());

        step(claim, PROVISION);
        runtime.provision(context);
        info(op, PROVISION, "Provisioned revision " + op.revision() + " next to the running one.");
        step(claim, HEALTH_CHECK);
        runtime.healthCheck(context);
        info(op, HEALTH_CHECK, "The new instance is healthy.");
        step(claim, ACTIVATE);
        runtime.activate(context);
        info(op, ACTIVATE, "Traffic switched to revision " + op.revision() + ".");

        step(claim, RETIRE);
        if (current.isEmpty()) {
            info(op, RETIRE, "No previous deployment to retire.");
        } else {
            DeployedAsset previous = current.get();
            try {
                runtime.retire(new RuntimeContext(stage, op.assetKey(), previous.revision(), previous.buildKey(),
                        op.key(), previous.configSnapshot()));
                info(op, RETIRE, "Retired revision " + previous.revision() + ".");
            } catch (RuntimeFailure e) {
                // the new revision already serves traffic: a lingering old instance is worth a warning, not a failure
                message(op, RETIRE, Severity.Warning, "DeploymentWarning",
                        "Revision " + previous.revision() + " could not be retired: " + e.getMessage());
            }
        }
        record(op, claim, resolved, op.revision(), op.buildKey(), "Recorded revision " + op.revision()
                + " as deployed.");
    }

    private void applyConfigs(DeploymentOperation op, Claim claim, Stage stage, Runtime runtime,
                              Optional<DeployedAsset> current) {
        DeployedAsset running = current.orElseThrow(() -> notDeployed(op));
        info(op, VALIDATE, "Validated: revision " + running.revision() + " runs in the stage.");
        step(claim, RESOLVE);
        EffectiveConfiguration.Resolved resolved = resolve(op, running.revision());
        step(claim, APPLY);
        runtime.applyConfiguration(new RuntimeContext(stage, op.assetKey(), running.revision(), running.buildKey(),
                op.key(), resolved.snapshotJson()));
        info(op, APPLY, "Applied the configuration to the running revision " + running.revision() + ".");
        record(op, claim, resolved, running.revision(), running.buildKey(), "Recorded the applied configuration.");
    }

    private void undeploy(DeploymentOperation op, Claim claim, Stage stage, Runtime runtime,
                          Optional<DeployedAsset> current) {
        DeployedAsset running = current.orElseThrow(() -> notDeployed(op));
        info(op, VALIDATE, "Validated: revision " + running.revision() + " runs in the stage.");
        step(claim, UNDEPLOY);
        runtime.undeploy(new RuntimeContext(stage, op.assetKey(), running.revision(), running.buildKey(), op.key(),
                null));
        info(op, UNDEPLOY, "Stopped and removed revision " + running.revision() + ".");
        step(claim, RECORD);
        transactions.executeWithoutResult(tx -> {
            deployed.remove(op.environmentKey(), op.assetKey());
            info(op, RECORD, "Recorded that the asset is no longer deployed.");
            finish(op, claim, OperationStatus.Finished, null);
        });
    }

    private EffectiveConfiguration.Resolved resolve(DeploymentOperation op, int revision) {
        EffectiveConfiguration.Resolved resolved;
        try {
            resolved = configurations.resolve(op.environmentKey(), op.assetKey(), revision);
        } catch (ConfigurationRejected e) {
            throw new StepFailed("The configuration was rejected: " + e.getMessage());
        }
        info(op, RESOLVE, resolved.summary().isEmpty() ? "Resolved the configuration."
                : "Resolved the configuration: " + String.join("; ", resolved.summary()));
        return resolved;
    }

    /** Saves the outcome and the terminal status together; a lost claim rolls both back. */
    private void record(DeploymentOperation op, Claim claim, EffectiveConfiguration.Resolved resolved, int revision,
                        String buildKey, String text) {
        step(claim, RECORD);
        transactions.executeWithoutResult(tx -> {
            deployed.save(new DeployedAsset(op.environmentKey(), op.assetKey(), revision, buildKey, op.key(), now(),
                    op.deployedBy(), resolved.snapshotJson()));
            configurations.markApplied(op.environmentKey(), op.assetKey(), resolved);
            info(op, RECORD, text);
            finish(op, claim, OperationStatus.Finished, resolved.snapshotJson());
        });
    }

    private void fail(DeploymentOperation op, Claim claim, String text) {
        try {
            transactions.executeWithoutResult(tx -> {
                message(op, claim.step(), Severity.Error, "DeploymentFailed", text);
                finish(op, claim, OperationStatus.FinishedWithError, null);
            });
        } catch (Claim.Lost lost) {
            log.info("{}; its new owner reports the outcome.", lost.getMessage());
        }
    }

    private void finish(DeploymentOperation op, Claim claim, OperationStatus to, String appliedConfig) {
        OperationStatus from = new OperationStateMachine(op.key(), op.status()).transition(to);
        if (!operations.finish(op.key(), from, to, claim.version(), claim.workerId, now(), appliedConfig)) {
            throw new Claim.Lost(op.key());
        }
        events.changed(op.key());
        claim.advanced();
        // count the status only once it is durable: a rolled-back write must not show up as Finished
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    claim.ended(to);
                }
            });
        } else {
            claim.ended(to);
        }
    }

    private void step(Claim claim, String step) {
        endStep(claim, EngineMetrics.OK);
        if (!operations.markStep(claim.operationKey, claim.version(), claim.workerId, step, now())) {
            throw new Claim.Lost(claim.operationKey);
        }
        claim.advanced();
        claim.step(step);
        claim.stepStartedAt(clock.instant());
    }

    private StepFailed notDeployed(DeploymentOperation op) {
        return new StepFailed("The asset " + op.assetKey() + " is not deployed in the stage " + op.environmentKey()
                + " any more.");
    }

    private void info(DeploymentOperation op, String stepId, String text) {
        message(op, stepId, Severity.Info, "DeploymentProgress", text);
    }

    private void message(DeploymentOperation op, String stepId, Severity severity, String type, String text) {
        messages.add(op.key(), now(), type, severity, text, stepId, op.assetKey());
        events.changed(op.key());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
