package dev.stageport.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One revision of an asset (the asset repository's AssetRevisionV1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssetRevision(String assetKey, int revision, String name, String assetType, String tag,
                            String commitMessage, Instant createdAt) {
}
