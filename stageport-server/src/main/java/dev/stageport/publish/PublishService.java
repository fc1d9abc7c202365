package dev.stageport.publish;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.bundles.Bundle;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.builds.BuildService;
import dev.stageport.deployments.DeploymentPort;
import dev.stageport.work.EngineSignal;
import dev.stageport.web.CancelRequest;
import dev.stageport.work.WorkControl;
import dev.stageport.deployments.ListRequest;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationQuery;
import dev.stageport.deployments.OperationVisibility;
import dev.stageport.deployments.StringMessageDetailsV1TaskProgressMessagePagedListResponse;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of publish operations: check the request, find or start the revision's
 * Release build, and record the publish; {@link PublishDriver} then deploys the build
 * once it finished. Creating needs Asset management > Change on the target stage;
 * reading needs Stage > View stage on it, like deployment operations.
 */
@Service
public class PublishService {

    private final PublishRepository publishes;
    private final StageRepository stages;
    private final AssetRepository assets;
    private final BuildService buildService;
    private final BuildRepository builds;
    private final DeploymentPort deployments;
    private final OperationVisibility visibility;
    private final EngineSignal signal;
    private final WorkControl work;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PublishService(PublishRepository publishes, StageRepository stages, AssetRepository assets,
                          BuildService buildService, BuildRepository builds, DeploymentPort deployments,
                          OperationVisibility visibility, EngineSignal signal, WorkControl work, TransactionTemplate transactions,
                          Clock clock) {
        this.publishes = publishes;
        this.stages = stages;
        this.assets = assets;
        this.buildService = buildService;
        this.builds = builds;
        this.deployments = deployments;
        this.visibility = visibility;
        this.signal = signal;
        this.work = work;
        this.transactions = transactions;
        this.clock = clock;
    }

    public PublishOperationResponse create(Caller caller, PublishOperationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        if (request.operation() == null) {
            throw ApiException.badRequest("'operation' is required and must be 'Publish'.");
        }
        if (request.assetKey() == null) {
            throw ApiException.badRequest("'assetKey' is required.");
        }
        if (request.revision() == null) {
            throw ApiException.badRequest("'revision' is required.");
        }
        Stage stage = request.environmentKey() == null ? development()
                : stages.find(request.environmentKey().toString()).orElse(null);
        String envKey = stage != null ? stage.key() : request.environmentKey().toString();
        caller.require(Permission.ASSET_CHANGE, envKey);
        if (stage == null) {
            throw ApiException.stageNotFound(envKey);
        }
        String assetKey = request.assetKey().toString();
        Asset asset = assets.find(assetKey)
                .orElseThrow(() -> ApiException.notFound("No asset with key " + assetKey + "."));
        int revision = request.revision();
        if (assets.findRevision(assetKey, revision).isEmpty()) {
            throw ApiException.notFound("The asset " + assetKey + " has no revision " + revision + ".");
        }
        if (Bundle.LIBRARY_TYPE.equals(asset.assetType())) {
            throw ApiException.badRequest("The asset " + assetKey + " is a library; libraries are built and used "
                    + "by apps, not deployed on their own.");
        }
        deployments.activeFor(envKey, assetKey).ifPresent(running -> {
            throw new ApiException(ErrorCode.OPERATION_IN_PROGRESS, "The operation " + running
                    + " is still running for the asset " + assetKey + " in the stage " + envKey
                    + "; wait until it finishes, then retry.");
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // before (not inside) the transaction: a lost race for the build's slot is settled by a re-read,
        // which PostgreSQL refuses inside a transaction whose insert just failed
        Build build = buildService.request(assetKey, revision, Build.BuildType.Release, caller.clientId(), null);
        PublishOperation op = transactions.execute(tx -> {
            PublishOperation created = new PublishOperation(UUID.randomUUID().toString(), assetKey, asset.name(),
                    revision, envKey, asset.portfolioKey(), PublishOperation.Phase.Building, build.key(), null, now,
                    null, caller.clientId(), 0);
            publishes.insert(created);
            publishes.addMessage(created.key(), now, Severity.Info, "PublishProgress", "Publish of revision "
                    + revision + " to the stage " + stage.name() + ": " + (build.status() == Build.BuildStatus.Pending
                    ? "started the Release build " + build.key() + "." : "uses the Release build " + build.key()
                    + " (" + build.status() + ")."), PublishDriver.BUILD, assetKey);
            return created;
        });
        signal.wake();
        return PublishOperationResponse.of(op);
    }

    /**
     * Asks a running publish to stop; its Deploy operation, if it started one, is
     * cancelled too. Needs Deploy apps on the target stage.
     */
    public void cancel(Caller caller, String operationKey, CancelRequest request) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        PublishOperation op = publishes.find(key)
                .orElseThrow(() -> ApiException.notFound("No publish operation with key " + key + "."));
        caller.requireUnnamed(Permission.DEPLOY_APPS, op.environmentKey(), "the publish operation " + key);
        String reason = CancelRequest.reason(request);
        if (op.status().terminal() || !work.cancel(key, caller.clientId(), reason)) {
            throw ApiException.conflict("The publish operation " + key + " already ended; there is nothing to "
                    + "cancel.");
        }
    }

    public PublishOperationResponse get(Caller caller, String key) {
        return PublishOperationResponse.of(visible(caller, key));
    }

    public Int32NullablePublishOperationResponsePagedListResponse list(Caller caller, ListRequest request) {
        OperationQuery query = visibility.query(caller, request);
        List<PublishOperation> rows = publishes.list(query);
        boolean more = rows.size() > query.paging().limit();
        List<PublishOperationResponse> page = (more ? rows.subList(0, query.paging().limit()) : rows).stream()
                .map(PublishOperationResponse::of).toList();
        return new Int32NullablePublishOperationResponsePagedListResponse(
                Int32NullablePageInfo.of(query.paging(), page.size(), more), page);
    }

    /**
     * The publish's own messages together with its build's log and its Deploy
     * operation's messages, in time order, so one list tells the whole story.
     */
    public StringMessageDetailsV1TaskProgressMessagePagedListResponse messages(Caller caller, String key,
                                                                              Integer limit, String offset) {
        PublishOperation op = visible(caller, key);
        Paging paging = Paging.of(limit, Paging.parseOffset(offset));
        List<MessageDetailsV1TaskProgressMessage> all = new ArrayList<>(publishes.messages(op.key()));
        if (op.buildKey() != null) {
            builds.messages(op.buildKey()).forEach(m -> all.add(new MessageDetailsV1TaskProgressMessage(
                    m.timestamp(), m.type(), severity(m.severity()), m.message(),
                    new dev.stageport.deployments.MessageDetailsV1(m.stepId(), op.assetKey()))));
        }
        if (op.deploymentKey() != null) {
            all.addAll(deployments.messages(op.deploymentKey()));
        }
        all.sort(Comparator.comparing(MessageDetailsV1TaskProgressMessage::timestamp));
        int from = Math.min(paging.offset(), all.size());
        int to = Math.min(all.size(), from + paging.limit());
        boolean more = to < all.size();
        return new StringMessageDetailsV1TaskProgressMessagePagedListResponse(
                StringPageInfo.of(paging, to - from, more), List.copyOf(all.subList(from, to)));
    }

    /** The first stage whose purpose is Development: ODC's default target of a publish. */
    private Stage development() {
        return stages.all().stream().filter(s -> s.purpose() == Stage.Purpose.Development)
                .min(Comparator.comparingInt(Stage::order))
                .orElseThrow(() -> ApiException.badRequest("There is no Development stage; name the target stage "
                        + "in 'environmentKey'."));
    }

    private PublishOperation visible(Caller caller, String operationKey) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        PublishOperation op = publishes.find(key)
                .orElseThrow(() -> ApiException.notFound("No publish operation with key " + key + "."));
        caller.requireUnnamed(Permission.STAGE_VIEW, op.environmentKey(), "the publish operation " + key);
        return op;
    }

    private static Severity severity(String value) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return Severity.Info;
    }

}
