package dev.stageport.configurations;

import java.util.Map;

/**
 * What the deployment engine needs from configuration management: the values a
 * Deploy or ApplyConfigs will apply, and a way to mark them applied once the
 * operation succeeded. Implemented by the configurations feature.
 */
public interface EffectiveConfiguration {

    /**
     * Resolves the configuration that {@code revision} of the asset would run with in
     * the stage: the stage's value (pending or already applied) where one is set,
     * otherwise the revision's default. Values are checked against the revision's
     * schema; a value that no longer fits throws {@link ConfigurationRejected}.
     */
    Resolved resolve(String environmentKey, String assetKey, int revision);

    /**
     * Marks the stage values captured in {@code resolved} as applied (no longer
     * pending). A value changed after resolution stays pending.
     */
    void markApplied(String environmentKey, String assetKey, Resolved resolved);

    /**
     * @param snapshotJson  the effective configuration as JSON, secrets sealed, kept with the deployment
     * @param versions      item path → version of the stage value that was read (to mark applied)
     * @param summary       human-readable lines for deployment messages; never contains secret values
     */
    record Resolved(String snapshotJson, Map<String, Long> versions, java.util.List<String> summary) {
    }

    /** A stage value that the target revision's schema does not accept. */
    class ConfigurationRejected extends RuntimeException {
        public ConfigurationRejected(String message) {
            super(message);
        }
    }
}
