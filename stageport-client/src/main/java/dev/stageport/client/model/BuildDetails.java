package dev.stageport.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A build of an asset revision. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildDetails(String buildKey, String assetKey, int assetRevision, String buildType, String status,
                           Instant startedDateTime, Instant finishedDateTime) {

    public boolean deployable() {
        return "Release".equals(buildType) && "Finished".equals(status);
    }
}
