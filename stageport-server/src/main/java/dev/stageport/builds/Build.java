package dev.stageport.builds;

import dev.stageport.work.Transitions;
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

    /**
     * The legal moves of a build's status. A worker whose server died leaves a build
     * Running; the next worker re-claims it without a status change and runs it again.
     * Nothing deletes builds yet; the table already says where deletion would go.
     */
    public static final Transitions<BuildStatus> TRANSITIONS = Transitions.of("build", BuildStatus.class)
            .allow(BuildStatus.Pending, BuildStatus.Running)
            .allow(BuildStatus.Running, BuildStatus.Finished, BuildStatus.FinishedWithErrors)
            .allow(BuildStatus.Finished, BuildStatus.ToBeDeleted)
            .allow(BuildStatus.ToBeDeleted, BuildStatus.Deleted);

    public boolean deployable() {
        return buildType == BuildType.Release && status == BuildStatus.Finished;
    }
}
