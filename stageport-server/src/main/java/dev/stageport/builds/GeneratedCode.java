package dev.stageport.builds;

import java.time.Duration;
import java.time.Instant;

/**
 * The packaging of a build's generated code: the deployable output (the build's artifact)
 * repackaged for download. Statuses are the document's; a packaging that is still Running
 * after {@link #DEADLINE} (its server died) reads as TimedOut and may be started again.
 */
public record GeneratedCode(String buildKey, Status status, String requestedBy, Instant startedAt,
                            Instant finishedAt, String packageDigest, String errorMessage) {

    public static final Duration DEADLINE = Duration.ofMinutes(10);

    public enum Status { NotStarted, Running, Finished, TimedOut, Failed }

    /** The status as a reader sees it at {@code now}. */
    public Status statusAt(Instant now) {
        return status == Status.Running && startedAt.plus(DEADLINE).isBefore(now) ? Status.TimedOut : status;
    }
}
