package dev.stageport.portfolio.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One stage's deployment of an asset. The schema lists every field as required
 * (several of them nullable), so nulls are written out here rather than dropped.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Deployment(
        String environmentKey,
        String name,
        int revision,
        String buildKey,
        String deploymentKey,
        Instant deploymentDateTime,
        String description,
        String iconUrl,
        String deploymentUserId,
        String url,
        String tag,
        String taggingUserKey,
        Instant taggingDateTime) {
}
