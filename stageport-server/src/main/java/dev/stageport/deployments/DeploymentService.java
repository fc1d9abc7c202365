package dev.stageport.deployments;

import dev.stageport.work.EngineSignal;
import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.web.Int32NullablePageInfo;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import dev.stageport.web.StringPageInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.stageport.web.CancelRequest;
import dev.stageport.work.WorkControl;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * The rules of the Deployments API. A request is checked completely here and
 * recorded as a Running operation; the engine does the work afterwards.
 */
@Service
public class DeploymentService {

    /** Seeing an operation, its status and its messages takes this permission on its stage. */
    private static final Permission VIEW = Permission.STAGE_VIEW;

    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private final StageRepository stages;
    private final AssetRepository assets;
    private final BuildRepository builds;
    private final DeployedAssetRepository deployed;
    private final OperationVisibility visibility;
    private final StatusResponses statusResponses;
    private final EngineSignal signal;
    private final ReleaseSafetyChecks safety;
    private final WorkControl work;
    private final TransactionTemplate transactions;
    private final OperationWebhooks webhooks;
    private final Clock clock;

    public DeploymentService(DeploymentRepository operations, MessageRepository messages, StageRepository stages,
                             AssetRepository assets, BuildRepository builds, DeployedAssetRepository deployed,
                             OperationVisibility visibility, StatusResponses statusResponses, EngineSignal signal,
                             ReleaseSafetyChecks safety, WorkControl work,
                             TransactionTemplate transactions, OperationWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.safety = safety;
        this.work = work;
        this.transactions = transactions;
        this.operations = operations;
        this.messages = messages;
        this.stages = stages;
        this.assets = assets;
        this.builds = builds;
        this.deployed = deployed;
        this.visibility = visibility;
        this.statusResponses = statusResponses;
        this.signal = signal;
        this.clock = clock;
    }

    public DeploymentOperationResponse create(Caller caller, DeploymentOperationRequest request) {
        return create(caller, request, null);
    }

    /** @param freezeOverride the reason of a Stageport-Freeze-Override header, or null */
    public DeploymentOperationResponse create(Caller caller, DeploymentOperationRequest request,
                                              String freezeOverride) {
        if (request == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        require(request.operation(), "operation");
        require(request.assetKey(), "assetKey");
        require(request.environmentKey(), "environmentKey");
        if (request.operation() == DeploymentOperationsType.Deploy) {
            require(request.buildKey(), "buildKey");
            require(request.revision(), "revision");
        }
        String envKey = request.environmentKey().toString();
        String assetKey = request.assetKey().toString();
        caller.require(Permission.DEPLOY_APPS, envKey);
        try {
            // the checks' reads and the insert share one transaction: one commit instead of one per read
            return transactions.execute(tx -> DeploymentOperationResponse.of(
                    checkAndRecord(caller, request, freezeOverride, envKey, assetKey)));
        } catch (ReleaseSafetyChecks.AnalysisFirst analysisFirst) {
            return DeploymentOperationResponse.of(checkAndRecord(caller, request, freezeOverride, envKey, assetKey));
        } catch (ApiException refused) {
            if (refused.code() == ErrorCode.OPERATION_IN_PROGRESS) {
                refuseIfActive(envKey, assetKey); // lost the race for the active slot: name the winner
            }
            throw refused;
        }
    }

    private DeploymentOperation checkAndRecord(Caller caller, DeploymentOperationRequest request,
                                               String freezeOverride, String envKey, String assetKey) {
        stages.find(envKey).orElseThrow(() -> ApiException.stageNotFound(envKey));
        Asset asset = assets.find(assetKey)
                .orElseThrow(() -> ApiException.notFound("No asset with key " + assetKey + "."));
        int revision;
        String buildKey;
        if (request.operation() == DeploymentOperationsType.Deploy) {
            Build build = deployableBuild(request, assetKey);
            revision = build.assetRevision();
            buildKey = build.key();
        } else {
            DeployedAsset current = deployed.find(envKey, assetKey).orElseThrow(() -> ApiException.conflict(
                    "The asset " + assetKey + " is not deployed in the stage " + envKey + ", so there is nothing to "
                            + (request.operation() == DeploymentOperationsType.Undeploy ? "undeploy"
                            : "apply configurations to") + "; deploy it first."));
            if (request.operation() == DeploymentOperationsType.ApplyConfigs && request.revision() != null
                    && request.revision() != current.revision()) {
                throw ApiException.badRequest("'revision' is " + request.revision() + " but the stage runs revision "
                        + current.revision() + "; ApplyConfigs applies to the deployed revision only.");
            }
            revision = current.revision();
            buildKey = current.buildKey();
        }

        return record(request.operation(), asset, revision, buildKey, envKey, caller.clientId(), caller,
                freezeOverride, op -> { });
    }

    /** Records a Deploy of a finished Release build; other features reach it through {@link DeploymentPort}. */
    DeploymentOperation deployBuild(String requestedBy, String assetKey, String buildKey, String envKey) {
        Asset asset = assets.find(assetKey)
                .orElseThrow(() -> ApiException.notFound("No asset with key " + assetKey + "."));
        Build build = builds.find(buildKey).filter(Build::deployable)
                .orElseThrow(() -> ApiException.badRequest("The build " + buildKey + " is not a finished Release "
                        + "build."));
        return record(DeploymentOperationsType.Deploy, asset, build.assetRevision(), build.key(), envKey,
                requestedBy, null, null, op -> { });
    }

    /**
     * Records an operation under the rules of every other (freeze windows, promotion, approvals);
     * {@code alsoRecord} writes in the transaction that records it (a rollback's link to its target).
     */
    DeploymentOperation record(DeploymentOperationsType operation, Asset asset, int revision, String buildKey,
                               String envKey, String requestedBy, Caller caller, String freezeOverride,
                               Consumer<DeploymentOperation> alsoRecord) {
        String assetKey = asset.key();
        refuseIfActive(envKey, assetKey);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReleaseSafetyChecks.Admission admission = safety.admit(caller, freezeOverride, operation, assetKey, revision,
                envKey, requestedBy, now);
        DeploymentOperation op = new DeploymentOperation(UUID.randomUUID().toString(), operation,
                assetKey, asset.name(), revision, buildKey, envKey, asset.portfolioKey(), OperationStatus.Running,
                now, null, now, requestedBy, null, null, null, null, 0, 0);
        boolean outer = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            transactions.executeWithoutResult(tx -> {
                operations.insert(op, admission.policy().deadline(now));
                safety.recorded(admission, op);
                webhooks.started(op);
                alsoRecord.accept(op);
            });
        } catch (DuplicateKeyException raced) {
            // another request won the active slot between our check and insert: the unique index decided.
            // Inside a caller's transaction (a publish) PostgreSQL refuses any read after the failed insert.
            if (!outer) {
                refuseIfActive(envKey, assetKey);
            }
            throw new ApiException(ErrorCode.OPERATION_IN_PROGRESS, "Another operation for the asset " + assetKey
                    + " in the stage " + envKey + " started at the same time; retry.");
        }
        wakeAfterCommit();
        return op;
    }

    /** Workers must not look for the operation before the transaction that records it commits. */
    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    /**
     * Asks a running operation to stop at its next step boundary; it then undoes what it
     * started and ends FinishedWithError naming the caller and the reason. Needs Deploy
     * apps on the operation's stage.
     */
    public void cancel(Caller caller, String operationKey, CancelRequest request) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        DeploymentOperation op = operations.find(key).orElseThrow(() -> notFound(key));
        caller.requireUnnamed(Permission.DEPLOY_APPS, op.environmentKey(), "the deployment operation " + key);
        String reason = CancelRequest.reason(request);
        if (op.status().terminal() || !work.cancel(key, caller.clientId(), reason)) {
            throw ApiException.conflict("The deployment operation " + key + " already ended ("
                    + operations.find(key).map(DeploymentOperation::status).orElse(op.status())
                    + "); there is nothing to cancel.");
        }
    }

    /** The operation's status as JSON bytes, kept by {@link StatusResponses} (running ones for a second). */
    public byte[] statusJson(Caller caller, String operationKey) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        StatusResponses.Cached cached = statusResponses.current(key);
        if (cached == null) {
            long readStarts = statusResponses.readStarts(key);
            DeploymentOperation op = operations.find(key).orElseThrow(() -> notFound(key));
            cached = statusResponses.of(op, readStarts);
        }
        requireView(caller, cached.environmentKey(), key);
        return cached.json();
    }

    /**
     * The kept status of an operation when the caller may view it, from memory only;
     * null when that is not already known. The caller is asked for only on a cache hit, because
     * finding it hashes the bearer token (see {@link StatusFastPath}).
     */
    byte[] cachedStatusJson(String canonicalKey, Supplier<Caller> caller) {
        StatusResponses.Cached cached = statusResponses.find(canonicalKey);
        if (cached == null) {
            return null;
        }
        Caller known = caller.get();
        return known != null && known.can(VIEW, cached.environmentKey()) ? cached.json() : null;
    }

    public StringMessageDetailsV1TaskProgressMessagePagedListResponse messages(Caller caller, String operationKey,
                                                                              Integer limit, String offset) {
        DeploymentOperation op = visible(caller, operationKey);
        Paging paging = Paging.of(limit, Paging.parseOffset(offset));
        List<MessageDetailsV1TaskProgressMessage> rows = messages.list(op.key(), paging.limit() + 1,
                paging.offset());
        boolean more = rows.size() > paging.limit();
        List<MessageDetailsV1TaskProgressMessage> page = more ? rows.subList(0, paging.limit()) : rows;
        return new StringMessageDetailsV1TaskProgressMessagePagedListResponse(
                StringPageInfo.of(paging, page.size(), more), List.copyOf(page));
    }

    /** One page of the operations the caller may see, as stored (with their stage), for the console. */
    public List<DeploymentOperation> page(Caller caller, ListRequest request) {
        OperationQuery query = visibility.query(caller, request);
        List<DeploymentOperation> rows = operations.list(query);
        return rows.size() > query.paging().limit() ? rows.subList(0, query.paging().limit()) : rows;
    }

    public Int32NullableDeploymentOperationResponsePagedListResponse list(Caller caller, ListRequest request) {
        OperationQuery query = visibility.query(caller, request);
        List<DeploymentOperation> rows = operations.list(query);
        boolean more = rows.size() > query.paging().limit();
        List<DeploymentOperationResponse> page = (more ? rows.subList(0, query.paging().limit()) : rows).stream()
                .map(DeploymentOperationResponse::of).toList();
        return new Int32NullableDeploymentOperationResponsePagedListResponse(
                Int32NullablePageInfo.of(query.paging(), page.size(), more), page);
    }

    private Build deployableBuild(DeploymentOperationRequest request, String assetKey) {
        String buildKey = request.buildKey().toString();
        Build build = builds.find(buildKey)
                .orElseThrow(() -> ApiException.notFound("No build with key " + buildKey + "."));
        if (!build.assetKey().equals(assetKey)) {
            throw ApiException.badRequest("The build " + buildKey + " belongs to another asset, not to " + assetKey
                    + ".");
        }
        if (build.assetRevision() != request.revision()) {
            throw ApiException.badRequest("The build " + buildKey + " is of revision " + build.assetRevision()
                    + ", not of revision " + request.revision() + ".");
        }
        if (!build.deployable()) {
            throw ApiException.badRequest("The build " + buildKey + " is a " + build.buildType() + " build with status "
                    + build.status() + "; only finished Release builds can be deployed.");
        }
        return build;
    }

    private void refuseIfActive(String envKey, String assetKey) {
        operations.activeFor(envKey, assetKey).ifPresent(running -> {
            throw new ApiException(ErrorCode.OPERATION_IN_PROGRESS, "The operation " + running
                    + " is still running for the asset " + assetKey + " in the stage " + envKey
                    + "; wait until it finishes, then retry.");
        });
    }

    /** The operation, if the caller may view its stage (404 unknown, 403 not permitted). */
    public DeploymentOperation visible(Caller caller, String operationKey) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        DeploymentOperation op = operations.find(key).orElseThrow(() -> notFound(key));
        requireView(caller, op.environmentKey(), key);
        return op;
    }

    private static ApiException notFound(String key) {
        return ApiException.notFound("No deployment operation with key " + key + ".");
    }

    private static void requireView(Caller caller, String environmentKey, String key) {
        caller.requireUnnamed(VIEW, environmentKey, "the deployment operation " + key);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ApiException.badRequest("'" + field + "' is required.");
        }
    }
}
