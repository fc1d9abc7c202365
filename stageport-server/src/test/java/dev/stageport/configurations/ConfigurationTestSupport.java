package dev.stageport.configurations;

import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared helpers: stage keys, paths, and a stand-in for the deployment engine. */
abstract class ConfigurationTestSupport extends ServerTest {

    @Autowired
    protected StageRepository stages;
    @Autowired
    protected DeployedAssetRepository deployedAssets;
    @Autowired
    protected ConfigurationResolver resolver;
    @Autowired
    protected JdbcClient jdbc;

    protected String stage(int index) {
        List<Stage> all = stages.all();
        return all.get(index).key();
    }

    protected static String patchPath(String env, String app) {
        return "/api/asset-configurations/v1/environments/" + env + "/applications/" + app + "/configurations";
    }

    protected static String revisionPath(String env, String app, String revision) {
        return "/api/asset-configurations/v1/environments/" + env + "/applications/" + app + "/revisions/"
                + revision + "/configurations";
    }

    protected static String settingsBody(Object revision, String key, String value) {
        return "{\"revisionBaseline\": " + revision + ", \"settings\": [{\"key\": \"" + key + "\", \"value\": \""
                + value + "\"}]}";
    }

    /** Does what the deployment engine does on success: resolve, record the deployment, mark applied. */
    protected void deploy(String env, TestApp app, int revision) {
        EffectiveConfiguration.Resolved resolved = resolver.resolve(env, app.key(), revision);
        deployedAssets.save(new DeployedAsset(env, app.key(), revision, app.release1(), UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "test", resolved.snapshotJson()));
        resolver.markApplied(env, app.key(), resolved);
    }
}
