package dev.stageport.configurations;

import java.time.Instant;

/**
 * A value set for an asset in a stage (one config_value row). {@code valueText} is
 * the sealed text when {@code encrypted}; {@code applied} is false while pending.
 */
record ConfigValue(String environmentKey, String assetKey, String path, String valueText, boolean encrypted,
                   String filename, boolean applied, long version, Instant updatedAt, String updatedBy) {
}
