package dev.stageport.runtime;

import dev.stageport.bundles.RunSpec;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.Stage;

/**
 * Everything a runtime driver needs to act for one operation step, read once per operation
 * by the engine so no driver reads the builds itself.
 * {@code configurationJson} is the resolved effective configuration (secrets sealed), null for Undeploy.
 * {@code artifactDigest} (in the {@link dev.stageport.artifacts.ArtifactStore}) and {@code runSpec} are
 * what the build produced; null when it produced no artifact, or a library that does not run.
 * {@code previous} is what served before this operation, null when nothing did.
 */
public record RuntimeContext(
        Stage stage,
        String assetKey,
        int revision,
        String buildKey,
        String operationKey,
        String configurationJson,
        String artifactDigest,
        RunSpec runSpec,
        DeployedAsset previous) {

    /** A context for a step that starts nothing (retire, discard, undeploy), so needs no artifact. */
    public RuntimeContext(Stage stage, String assetKey, int revision, String buildKey, String operationKey,
                          String configurationJson) {
        this(stage, assetKey, revision, buildKey, operationKey, configurationJson, null, null, null);
    }

    public RuntimeContext withConfiguration(String json) {
        return new RuntimeContext(stage, assetKey, revision, buildKey, operationKey, json, artifactDigest, runSpec,
                previous);
    }
}
