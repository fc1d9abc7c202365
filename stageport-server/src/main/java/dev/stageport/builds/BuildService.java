package dev.stageport.builds;

import dev.stageport.assets.AssetRepository;
import dev.stageport.builds.api.BuildDetails;
import dev.stageport.builds.api.BuildDetailsBuildListResponse;
import dev.stageport.builds.api.BuildFeedbackDetails;
import dev.stageport.builds.api.BuildFeedbackDetailsResponse;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.web.ApiException;
import dev.stageport.web.Keys;
import org.springframework.stereotype.Service;

/** Reading builds; like ODC, every read needs Asset management > Open. */
@Service
public class BuildService {

    private final BuildRepository builds;
    private final AssetRepository assets;

    public BuildService(BuildRepository builds, AssetRepository assets) {
        this.builds = builds;
        this.assets = assets;
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
