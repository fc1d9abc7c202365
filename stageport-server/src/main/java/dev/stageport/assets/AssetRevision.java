package dev.stageport.assets;

import java.time.Instant;

/**
 * One immutable revision of an asset. {@code configSchema} is the JSON
 * configuration schema its bundle declared (see configschema.ConfigSchema).
 */
public record AssetRevision(
        String assetKey,
        int revision,
        String name,
        String description,
        String tag,
        String taggedBy,
        Instant taggedAt,
        String commitMessage,
        String releaseNotes,
        String modelDigest,
        String configSchema,
        Instant createdAt,
        String createdBy) {
}
