package dev.stageport.assets;

import java.time.Instant;

/** Filters of GET /assets/{assetKey}/revisions; {@code orderBy} is a vetted SQL fragment. */
public record RevisionFilter(
        Instant since,
        Instant to,
        Boolean tagged,
        String tag,
        String modelDigest,
        String commitMessageContains,
        String orderBy) {
}
