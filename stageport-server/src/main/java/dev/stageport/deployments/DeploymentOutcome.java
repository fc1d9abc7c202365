package dev.stageport.deployments;

import dev.stageport.configurations.EffectiveConfiguration;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.policy.ApprovalGate;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.work.Lease;
import dev.stageport.work.LeaseLost;
import dev.stageport.work.StateMachine;
import dev.stageport.work.WorkQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes a deployment worker makes: messages (only while it holds the claim) and
 * the terminal status, which goes in one transaction with the outcome, the last
 * message and the end of the work item, so a lost claim rolls all of them back.
 */
@Component
class DeploymentOutcome {

    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private final DeployedAssetRepository deployed;
    private final EffectiveConfiguration configurations;
    private final WorkQueue work;
    private final TransactionTemplate transactions;
    private final OperationEvents events;
    private final EngineMetrics metrics;
    private final ApprovalGate approvals;
    private final OperationWebhooks webhooks;
    private final Clock clock;

    DeploymentOutcome(DeploymentRepository operations, MessageRepository messages, DeployedAssetRepository deployed,
                      EffectiveConfiguration configurations, WorkQueue work, TransactionTemplate transactions,
                      OperationEvents events, EngineMetrics metrics, ApprovalGate approvals,
                      OperationWebhooks webhooks, Clock clock) {
        this.approvals = approvals;
        this.webhooks = webhooks;
        this.operations = operations;
        this.messages = messages;
        this.deployed = deployed;
        this.configurations = configurations;
        this.work = work;
        this.transactions = transactions;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        // a step's messages may be written at its boundary, so followers hear of them then, not here
        messages.onWritten(events::changed);
    }

    void info(Lease lease, DeploymentOperation op, String stepId, String text) {
        message(lease, op, stepId, Severity.Info, "DeploymentProgress", text);
    }

    void message(Lease lease, DeploymentOperation op, String stepId, Severity severity, String type, String text) {
        messages.add(lease, now(), type, severity, text, stepId, op.assetKey());
    }

    void recordDeployed(Lease lease, DeploymentOperation op, EffectiveConfiguration.Resolved resolved, int revision,
                        String buildKey, String text) {
        transactions.executeWithoutResult(tx -> {
            deployed.save(new DeployedAsset(op.environmentKey(), op.assetKey(), revision, buildKey, op.key(), now(),
                    op.deployedBy(), resolved.snapshotJson()));
            configurations.markApplied(op.environmentKey(), op.assetKey(), resolved);
            info(lease, op, DeploymentStep.Record.name(), text);
            finish(lease, op, OperationStatus.Finished, resolved.snapshotJson());
        });
    }

    void recordUndeployed(Lease lease, DeploymentOperation op) {
        transactions.executeWithoutResult(tx -> {
            deployed.remove(op.environmentKey(), op.assetKey());
            info(lease, op, DeploymentStep.Record.name(), "Recorded that the asset is no longer deployed.");
            finish(lease, op, OperationStatus.Finished, null);
        });
    }

    /** Ends the operation with an error; an approval it waited for is withdrawn (Expired) with it. */
    void fail(Lease lease, DeploymentOperation op, String text) {
        transactions.executeWithoutResult(tx -> {
            approvals.withdraw(op.key(), now(), text);
            message(lease, op, lease.step(), Severity.Error, "DeploymentFailed", text);
            finish(lease, op, OperationStatus.FinishedWithError, null);
        });
    }

    /** A waiting step hands the operation back until {@code until}; a decision or a cancel wakes it sooner. */
    void snooze(Lease lease, Instant until) {
        work.snooze(lease, until);
    }

    /** The operation ended without this worker (e.g. a stale item): only the work row is closed. */
    void endWork(Lease lease) {
        work.end(lease);
    }

    private void finish(Lease lease, DeploymentOperation op, OperationStatus to, String appliedConfig) {
        StateMachine<OperationStatus> machine = new StateMachine<>(OperationStatus.TRANSITIONS, op.key(), op.status());
        OperationStatus from = machine.move(to);
        Instant at = now();
        if (!operations.finish(op.key(), from, to, at, appliedConfig)) {
            throw new LeaseLost(op.key());
        }
        webhooks.finished(op, to, at);
        work.end(lease);
        events.changed(op.key());
        // count the status only once it is durable: a rolled-back write must not show up as Finished
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    metrics.operationEnded(op.operation().name(), to);
                }
            });
        } else {
            metrics.operationEnded(op.operation().name(), to);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
