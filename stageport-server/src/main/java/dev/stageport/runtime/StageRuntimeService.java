package dev.stageport.runtime;

import dev.stageport.assets.AssetRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules of the stage-runtime extension: which driver a stage uses and with what
 * settings (checked by that driver before anything is saved), and what runs there now.
 */
@Service
public class StageRuntimeService {

    /** Log lines one request may ask for. */
    static final int MAX_LOG_LINES = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StageRepository stages;
    private final AssetRepository assets;
    private final RuntimeRegistry runtimes;
    private final RuntimeOwnership ownership;

    public StageRuntimeService(StageRepository stages, AssetRepository assets, RuntimeRegistry runtimes,
                               RuntimeOwnership ownership) {
        this.ownership = ownership;
        this.stages = stages;
        this.assets = assets;
        this.runtimes = runtimes;
    }

    public StageRuntime get(Caller caller, String environmentKey) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.STAGE_VIEW, stage.key());
        return new StageRuntime(stage.key(), stage.runtimeDriver(), settingsNode(stage.runtimeSettings()));
    }

    /** Switching driver does not move running apps: the next operation on each asset uses the new driver. */
    public StageRuntime put(Caller caller, String environmentKey, StageRuntime body) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.DEPLOY_APPS, stage.key());
        if (body == null || body.driver() == null || body.driver().isBlank()) {
            throw ApiException.badRequest("'driver' is required: one of " + runtimes.names() + ".");
        }
        Runtime runtime = runtimes.find(body.driver().trim()).orElseThrow(() -> ApiException.badRequest(
                "Unknown runtime driver '" + body.driver() + "': this server has " + runtimes.names() + "."));
        JsonNode settings = body.settings() == null || body.settings().isNull()
                ? JSON.createObjectNode() : body.settings();
        if (!settings.isObject()) {
            throw ApiException.badRequest("'settings' must be a JSON object.");
        }
        settings = ownership.keepReplica(stage, runtime.driver(), settings);
        String json = JSON.writeValueAsString(settings);
        if (json.length() > 4000) {
            throw ApiException.badRequest("'settings' must be at most 4000 characters as JSON.");
        }
        try {
            runtime.validateSettings(json);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid settings for the '" + runtime.driver() + "' driver: "
                    + e.getMessage());
        }
        stages.updateRuntime(stage.key(), runtime.driver(), json);
        return new StageRuntime(stage.key(), runtime.driver(), settings);
    }

    public InstanceView instance(Caller caller, String environmentKey, String assetKey) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.STAGE_VIEW, stage.key());
        String asset = asset(assetKey);
        InstanceStatus status = runtimes.find(stage.runtimeDriver()).map(r -> r.status(stage, asset))
                .orElseGet(InstanceStatus::notDeployed);
        return InstanceView.of(stage.key(), asset, stage.runtimeDriver(), status);
    }

    public List<String> logs(Caller caller, String environmentKey, String assetKey, int lines) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.STAGE_VIEW, stage.key());
        String asset = asset(assetKey);
        if (lines < 1 || lines > MAX_LOG_LINES) {
            throw ApiException.badRequest("'lines' must be between 1 and " + MAX_LOG_LINES + ", got " + lines + ".");
        }
        return runtimes.find(stage.runtimeDriver()).map(r -> r.logs(stage, asset, lines)).orElse(List.of());
    }

    private static JsonNode settingsNode(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private Stage stage(String environmentKey) {
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        return stages.find(key).orElseThrow(() -> ApiException.stageNotFound(key));
    }

    private String asset(String assetKey) {
        String key = Keys.parse(assetKey, "assetKey").toString();
        return assets.find(key).map(a -> a.key())
                .orElseThrow(() -> ApiException.notFound("No asset with key " + key + "."));
    }
}
