package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import org.springframework.stereotype.Component;

/**
 * Finds the stage and asset a configuration request is about. Malformed keys are
 * 400, then permission (403) before existence (404) so stages are not probed.
 */
@Component
class ConfigTargets {

    /** Which path the request came in on: agents and apps do not answer for each other. */
    enum Kind {
        APP("applicationKey", "app"), AGENT("agentKey", "agent");

        final String param;
        final String noun;

        Kind(String param, String noun) {
            this.param = param;
            this.noun = noun;
        }
    }

    record Target(String environmentKey, Asset asset, Kind kind) {
    }

    private final StageRepository stages;
    private final AssetRepository assets;

    ConfigTargets(StageRepository stages, AssetRepository assets) {
        this.stages = stages;
        this.assets = assets;
    }

    String stage(Caller caller, Permission permission, String environmentKey) {
        String env = Keys.parse(environmentKey, "environmentKey").toString();
        caller.require(permission, env);
        stages.find(env).orElseThrow(() -> ApiException.stageNotFound(env));
        return env;
    }

    Target target(Caller caller, Permission permission, String environmentKey, String assetKey, Kind kind) {
        String env = Keys.parse(environmentKey, "environmentKey").toString();
        String key = Keys.parse(assetKey, kind.param).toString();
        caller.require(permission, env);
        stages.find(env).orElseThrow(() -> ApiException.stageNotFound(env));
        Asset asset = assets.find(key)
                .filter(a -> (kind == Kind.AGENT) == ConfigModelLoader.AGENT.equals(a.assetType()))
                .orElseThrow(() -> ApiException.notFound("There is no " + kind.noun + " with the key " + key + "."));
        return new Target(env, asset, kind);
    }
}
