package dev.stageport.builds.api;

import java.time.Instant;

/** One build, as the build operations API returns it. */
public record BuildDetails(String buildKey, String assetKey, int assetRevision, String buildType,
                           Instant startedDateTime, Instant finishedDateTime, String builtBy, String status) {
}
