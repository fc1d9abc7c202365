package dev.stageport.publish;

import dev.stageport.StageportProperties;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.deployments.DeploymentPort;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.work.Lease;
import dev.stageport.work.StepRunner;
import dev.stageport.work.WorkControl;
import dev.stageport.work.WorkHandler;
import dev.stageport.work.WorkItem;
import dev.stageport.work.WorkQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves publish operations along on the engine: Building until their Release build
 * ends (then a Deploy operation is recorded, in the same transaction as the move to
 * Deploying), Deploying until that operation ends. The build and deployment kinds do
 * the work; a publish only looks and hands over, and while it waits it snoozes on the
 * queue for one poll interval, behind every other due item, so none starves.
 */
@Component
public class PublishDriver implements WorkHandler {

    static final String BUILD = PublishStep.Build.name();
    static final String DEPLOY = PublishStep.Deploy.name();

    private final PublishRepository publishes;
    private final BuildRepository builds;
    private final DeploymentPort deployments;
    private final TransactionTemplate transactions;
    private final StepRunner steps;
    private final WorkQueue work;
    private final WorkControl control;
    private final StageportProperties.Engine settings;
    private final Clock clock;

    public PublishDriver(PublishRepository publishes, BuildRepository builds, DeploymentPort deployments,
                         TransactionTemplate transactions, StepRunner steps,
                         WorkQueue work, WorkControl control, StageportProperties properties, Clock clock) {
        this.publishes = publishes;
        this.builds = builds;
        this.deployments = deployments;
        this.transactions = transactions;
        this.steps = steps;
        this.work = work;
        this.control = control;
        this.settings = properties.engine();
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PublishRepository.KIND;
    }

    @Override
    public void run(Lease lease) {
        PublishOperation op = publishes.find(lease.key()).orElse(null);
        if (op == null || op.status().terminal()) {
            work.end(lease);
            return;
        }
        String step = op.phase() == PublishOperation.Phase.Building ? BUILD : DEPLOY;
        Optional<String> stop = steps.stopReason(lease, step);
        boolean moved;
        if (stop.isPresent()) {
            if (op.deploymentKey() != null) {
                WorkItem by = lease.claimed();
                control.cancel(op.deploymentKey(), by.cancelRequestedBy() == null ? "the publish " + op.key()
                        : by.cancelRequestedBy(), stop.get());
            }
            moved = end(lease, op, PublishOperation.Phase.FinishedWithError, step, stop.get());
        } else {
            moved = switch (op.phase()) {
                case Building -> afterBuild(lease, op);
                case Deploying -> afterDeploy(lease, op);
                default -> false;
            };
        }
        if (!lease.ended() && !lease.lost()) {
            // still waiting (or handed over to the Deploy): look again after one poll interval
            work.snooze(lease, clock.instant().plus(moved ? java.time.Duration.ZERO : settings.pollInterval()));
        }
    }

    private boolean afterBuild(Lease lease, PublishOperation op) {
        Optional<Build> build = builds.find(op.buildKey());
        if (build.isEmpty()) {
            return end(lease, op, PublishOperation.Phase.FinishedWithError, BUILD, "The build " + op.buildKey()
                    + " no longer exists.");
        }
        switch (build.get().status()) {
            case Finished:
                return deploy(lease, op);
            case FinishedWithErrors:
                return end(lease, op, PublishOperation.Phase.FinishedWithError, BUILD, "The Release build " + op.buildKey()
                        + " finished with errors, so nothing was deployed; its log messages say why.");
            case Pending:
            case Running:
                return false;
            default:
                return end(lease, op, PublishOperation.Phase.FinishedWithError, BUILD, "The build " + op.buildKey()
                        + " is " + build.get().status() + ".");
        }
    }

    private boolean deploy(Lease lease, PublishOperation op) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                String deployment = deployments.deployBuild(op.deployedBy(), op.assetKey(), op.buildKey(),
                        op.environmentKey());
                if (!publishes.advance(op, PublishOperation.Phase.Deploying, deployment, now())) {
                    tx.setRollbackOnly(); // another replica moved it first; its Deploy stands, ours is undone
                    return false;
                }
                publishes.addMessage(lease, now(), Severity.Info, "PublishProgress", "The Release build "
                        + op.buildKey() + " finished; started the deployment operation " + deployment + ".",
                        DEPLOY, op.assetKey());
                return true;
            }));
        } catch (DataAccessException raced) {
            // e.g. a Deploy for the same asset and stage inserted at the same moment: try again next tick
            return false;
        } catch (ApiException e) {
            if (e.code() == ErrorCode.OPERATION_IN_PROGRESS) {
                return false; // another operation runs for the asset in the stage: wait until it ends
            }
            return end(lease, op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment could not start: "
                    + e.getMessage());
        }
    }

    private boolean afterDeploy(Lease lease, PublishOperation op) {
        Optional<OperationStatus> deployment = deployments.status(op.deploymentKey());
        if (deployment.isEmpty()) {
            return end(lease, op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment operation "
                    + op.deploymentKey() + " no longer exists.");
        }
        OperationStatus status = deployment.get();
        if (status == OperationStatus.Running) {
            return false;
        }
        return status == OperationStatus.Finished
                ? end(lease, op, PublishOperation.Phase.Finished, DEPLOY, "Published revision " + op.revision() + ".")
                : end(lease, op, PublishOperation.Phase.FinishedWithError, DEPLOY, "The deployment operation "
                + op.deploymentKey() + " finished with an error; its messages say why.");
    }

    private boolean end(Lease lease, PublishOperation op, PublishOperation.Phase to, String step, String text) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!publishes.advance(op, to, null, now())) {
                return false;
            }
            publishes.addMessage(lease, now(), to == PublishOperation.Phase.Finished ? Severity.Info
                    : Severity.Error, to == PublishOperation.Phase.Finished ? "PublishFinished" : "PublishFailed",
                    text, step, op.assetKey());
            work.end(lease);
            return true;
        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
