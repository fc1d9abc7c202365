package dev.stageport.runtime;

import dev.stageport.portfolio.Stage;

/**
 * Everything a runtime driver needs to act for one operation step.
 * {@code configurationJson} is the resolved effective configuration (secrets sealed), null for Undeploy.
 */
public record RuntimeContext(
        Stage stage,
        String assetKey,
        int revision,
        String buildKey,
        String operationKey,
        String configurationJson) {
}
