package dev.stageport.builds;

import java.time.Instant;

/** A build of one asset revision. Only a Finished Release build is deployable. */
public record Build(
        String key,
        String assetKey,
        int assetRevision,
        BuildType buildType,
        BuildStatus status,
        Instant startedAt,
        Instant finishedAt,
        String builtBy,
        String artifactDigest) {

    public enum BuildType { Debug, Release }

    public enum BuildStatus { Pending, Running, Finished, FinishedWithErrors, Deleted, ToBeDeleted }

    public boolean deployable() {
        return buildType == BuildType.Release && status == BuildStatus.Finished;
    }
}
