package dev.stageport.builds;

import dev.stageport.assets.AssetRepository;
import dev.stageport.builds.api.BuildDetails;
import dev.stageport.builds.api.BuildDetailsBuildListResponse;
import dev.stageport.builds.api.BuildFeedbackDetails;
import dev.stageport.builds.api.BuildFeedbackDetailsResponse;
import dev.stageport.builds.api.BuildOperationDetails;
import dev.stageport.builds.api.BuildResponse;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import dev.stageport.work.EngineSignal;
import dev.stageport.web.CancelRequest;
import dev.stageport.work.WorkControl;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * Starting and reading builds; like ODC, every call needs Asset management > Open.
 * One Pending, Running or Finished build exists per revision and build type: a
 * second request gets that build's key (see docs/builds.md); only a build that
 * finished with errors is replaced by a new one.
 */
@Service
public class BuildService {

    private final BuildRepository builds;
    private final AssetRepository assets;
    private final EngineSignal signal;
    private final WorkControl work;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BuildService(BuildRepository builds, AssetRepository assets, EngineSignal signal, WorkControl work,
                        TransactionTemplate transactions, Clock clock) {
        this.builds = builds;
        this.assets = assets;
        this.signal = signal;
        this.work = work;
        this.transactions = transactions;
        this.clock = clock;
    }

    public BuildResponse start(Caller caller, BuildOperationDetails request) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        if (request == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        if (request.assetKey() == null) {
            throw ApiException.badRequest("'assetKey' is required.");
        }
        if (request.assetRevision() == null) {
            throw ApiException.badRequest("'assetRevision' is required.");
        }
        String assetKey = request.assetKey().toString();
        if (assets.find(assetKey).isEmpty()) {
            throw ApiException.notFound("No asset with key " + assetKey + ".");
        }
        if (assets.findRevision(assetKey, request.assetRevision()).isEmpty()) {
            throw ApiException.notFound("The asset " + assetKey + " has no revision " + request.assetRevision() + ".");
        }
        Build.BuildType type = request.buildType() == null ? Build.BuildType.Debug : request.buildType();
        return new BuildResponse(request(assetKey, request.assetRevision(), type, caller.clientId(), null).key(),
                true);
    }

    /**
     * The build of this revision and type: the existing Pending, Running or Finished
     * one, or a new Pending build (with {@code fixedKey} when given, e.g. the demo's
     * stable keys). Permissions are the caller's business (publish checks its own).
     */
    public Build request(String assetKey, int revision, Build.BuildType type, String requestedBy, String fixedKey) {
        var existing = builds.active(assetKey, revision, type);
        if (existing.isPresent()) {
            return existing.get();
        }
        Build build = new Build(fixedKey == null ? UUID.randomUUID().toString() : fixedKey, assetKey, revision, type,
                Build.BuildStatus.Pending, clock.instant().truncatedTo(ChronoUnit.MILLIS), null, requestedBy, null);
        try {
            transactions.executeWithoutResult(tx -> builds.insert(build));
        } catch (DuplicateKeyException raced) {
            // a concurrent request took the slot first: its build is the answer
            return builds.active(assetKey, revision, type).orElseThrow(() -> raced);
        }
        signal.wake();
        return build;
    }

    /**
     * Asks a Pending or Running build to stop at its next step boundary; it ends
     * FinishedWithErrors naming the caller and the reason. Needs what starting builds needs.
     */
    public void cancel(Caller caller, String buildKey, CancelRequest request) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Build build = find(buildKey);
        String reason = CancelRequest.reason(request);
        if (!work.cancel(build.key(), caller.clientId(), reason)) {
            throw ApiException.conflict("The build " + build.key() + " already ended (" + build.status()
                    + "); there is nothing to cancel.");
        }
    }

    public BuildDetailsBuildListResponse list(Caller caller, String assetKey, Integer revision,
                                              Build.BuildType type) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = null;
        if (assetKey != null) {
            key = Keys.parse(assetKey, "assetKey").toString();
            if (assets.find(key).isEmpty()) {
                throw ApiException.notFound("No asset with key " + key + ".");
            }
            if (revision != null && assets.findRevision(key, revision).isEmpty()) {
                throw ApiException.notFound("The asset " + key + " has no revision " + revision + ".");
            }
        } else if (revision != null) {
            throw ApiException.badRequest("'assetRevision' needs 'assetKey'.");
        }
        return new BuildDetailsBuildListResponse(builds.list(key, revision, type).stream()
                .map(BuildService::toDetails).toList());
    }

    public BuildDetails get(Caller caller, String buildKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        return toDetails(find(buildKey));
    }

    public BuildFeedbackDetailsResponse logMessages(Caller caller, String buildKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Build build = find(buildKey);
        return new BuildFeedbackDetailsResponse(builds.messages(build.key()).stream()
                .map(m -> new BuildFeedbackDetails(m.timestamp(), m.type(), m.severity(), m.message(), m.stepId(),
                        build.assetKey(), m.errorCode()))
                .toList());
    }

    private Build find(String buildKey) {
        String key = Keys.parse(buildKey, "operationKey").toString();
        return builds.find(key).orElseThrow(() -> ApiException.notFound("No build with key " + key + "."));
    }

    private static BuildDetails toDetails(Build b) {
        return new BuildDetails(b.key(), b.assetKey(), b.assetRevision(), b.buildType().name(), b.startedAt(),
                b.finishedAt(), b.builtBy(), b.status().name());
    }
}
