package dev.stageport.configurations;

import java.time.Instant;

/**
 * One changed configuration value in a stage. {@code assetKey} is null for a stage
 * default (it applies to every app of the stage). Secret values are never kept:
 * {@code secret} says only that one changed.
 */
record ConfigChange(long id, String environmentKey, String assetKey, String section, String itemKey, String name,
                    String previousValue, String newValue, boolean secret, Source source, String operationKey,
                    String changedBy, Instant changedAt) {

    /** What made the change. */
    enum Source { Patch, StageDefault, Restore, Applied, Unset }

    /** A change of the value at {@code path}; {@code previous} is null when the stage had no value of its own. */
    static ConfigChange of(String environmentKey, String assetKey, String path, String name, String previous,
                           String next, boolean secret, Source source, String operationKey, String by, Instant at) {
        return new ConfigChange(0, environmentKey, assetKey, section(path), itemKey(path), name, previous, next, secret,
                source, operationKey, by, at);
    }

    /** The section of an item path ("settings/Key" → "settings"). */
    static String section(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The item's key within its section ("timers/Cleanup/IsActive" → "Cleanup/IsActive"). */
    static String itemKey(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
