package dev.stageport.publish;

import dev.stageport.StageportProperties;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.DeploymentRepository;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.deployments.EngineSignal;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.web.ApiException;
import dev.stageport.web.ErrorCode;
import dev.stageport.work.WorkerPool;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves publish operations along: Building until their Release build ends (then a
 * Deploy operation is recorded, in the same transaction as the move to Deploying),
 * Deploying until that operation ends. The build engine and the deployment engine
 * do the work; the driver only watches and hands over, so every step is one
 * conditional UPDATE and any replica may take any step.
 */
@Component
public class PublishDriver implements SmartLifecycle {

    static final String BUILD = "Build";
    static final String DEPLOY = "Deploy";
    private static final int BATCH = 16;

    private final PublishRepository publishes;
    private final BuildRepository builds;
    private final DeploymentService deploymentService;
    private final DeploymentRepository deployments;
    private final TransactionTemplate transactions;
    private final StageportProperties.Engine settings;
    private final Clock clock;
    private final EngineSignal signal = new EngineSignal();
    private final WorkerPool pool;

    public PublishDriver(PublishRepository publishes, BuildRepository builds, DeploymentService deploymentService,
                         DeploymentRepository deployments, TransactionTemplate transactions,
                         StageportProperties properties, Clock clock) {
        this.publishes = publishes;
        this.builds = builds;
        this.deploymentService = deploymentService;
        this.deployments = deployments;
        this.transactions = transactions;
        this.settings = properties.engine();
        this.clock = clock;
        this.pool = new WorkerPool("publish", signal, settings.pollInterval(), worker -> advance());
    }

    void wake() {
        signal.wake();
    }

    /** Looks at every waiting publish once; true when at least one moved. */
    public boolean advance() {
        boolean moved = false;
        for (PublishOperation op : publishes.waiting(BATCH)) {
            moved |= switch (op.phase()) {
                case Building -> afterBuild(op);
                case Deploying -> afterDeploy(op);
                default -> false;
            };
        }
        return moved;
    }

    private boolean afterBuild(PublishOperation op) {
        Optional<Build> build = builds.find(op.buildKey());
        if (build.isEmpty()) {
            return end(op, PublishOperation.Phase.FinishedWithError, BUILD, "The build " + op.buildKey()
                    + " no longer exists.");
        }
        switch (build.get().status()) {
            case Finished:
                return deploy(op);
            case FinishedWithErrors:
                return end(op, PublishOperation.Phase.FinishedWithError, BUILD, "The Release build " + op.buildKey()
                        + " finished with errors, so nothing was deployed; its log messages say why.");
            case Pending:
            case Running:
                return false;
            default:
                return end(op, PublishOperation.Phase.FinishedWithError, BUILD, "The build " + op.buildKey()
                        + " is " + build.get().status() + ".");
        }
    }

    private boolean deploy(PublishOperation op) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                DeploymentOperation deployment = deploymentService.deployBuild(op.deployedBy(), op.assetKey(),
                        op.buildKey(), op.environmentKey());
                if (!publishes.advance(op, PublishOperation.Phase.Deploying, deployment.key(), now())) {
                    tx.setRollbackOnly(); // another replica moved it first; its Deploy stands, ours is undone
                    return false;
                }
                publishes.addMessage(op.key(), now(), Severity.Info, "PublishProgress", "The Release build "
                        + op.buildKey() + " finished; started the deployment operation " + deployment.key() + ".",
                        DEPLOY, op.assetKey());
                return true;
            }));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.OPERATION_IN_PROGRESS) {
                return false; // another operation runs for the asset in the stage: wait until it ends
            }
            return end(op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment could not start: "
                    + e.getMessage());
        }
    }

    private boolean afterDeploy(PublishOperation op) {
        Optional<DeploymentOperation> deployment = deployments.find(op.deploymentKey());
        if (deployment.isEmpty()) {
            return end(op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment operation "
                    + op.deploymentKey() + " no longer exists.");
        }
        OperationStatus status = deployment.get().status();
        if (status == OperationStatus.Running) {
            return false;
        }
        return status == OperationStatus.Finished
                ? end(op, PublishOperation.Phase.Finished, DEPLOY, "Published revision " + op.revision() + ".")
                : end(op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment operation "
                + op.deploymentKey() + " finished with an error; its messages say why.");
    }

    private boolean end(PublishOperation op, PublishOperation.Phase to, String step, String text) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!publishes.advance(op, to, null, now())) {
                return false;
            }
            publishes.addMessage(op.key(), now(), to == PublishOperation.Phase.Finished ? Severity.Info
                    : Severity.Error, to == PublishOperation.Phase.Finished ? "PublishFinished" : "PublishFailed",
                    text, step, op.assetKey());
            return true;
        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            pool.start("publisher-" + UUID.randomUUID(), 1);
        }
    }

    @Override
    public void stop() {
        pool.stop();
    }

    @Override
    public boolean isRunning() {
        return pool.isRunning();
    }
}
