package dev.stageport.assets.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An asset at one revision, as the asset repository API returns it. */
public record AssetRevisionV1(
        String assetKey,
        String portfolioKey,
        int revision,
        String name,
        String description,
        boolean isExternal,
        String tag,
        String modelDigest,
        String clonedFromTemplateKey,
        String assetType,
        String createdBy,
        Instant createdAt,
        String commitMessage,
        String taggedBy,
        Instant taggedAt,
        @JsonProperty("_embedded") AssetEmbeddingV1 embedded) {
}
