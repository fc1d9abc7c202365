package dev.stageport.assets;

import java.time.Instant;

/** An asset (app or library). Its name and description follow its latest revision. */
public record Asset(
        String key,
        String name,
        String description,
        String assetType,
        String portfolioKey,
        boolean external,
        Instant createdAt,
        String createdBy) {
}
