package dev.stageport.work;

import java.time.Instant;

/** A row of work_item: the engine's view of one operation of any kind. */
public record WorkItem(String key, String kind, String state, String currentStep, String lastCompletedStep,
                       String claimedBy, Instant leaseExpiresAt, int attempts, long version, Instant notBefore,
                       String cancelRequestedBy, String cancelReason, Instant deadlineAt,
                       Instant createdAt, String placement) {

    public static final String RUNNING = "Running";
    public static final String ENDED = "Ended";

    public boolean running() {
        return RUNNING.equals(state);
    }

    public boolean cancelRequested() {
        return cancelRequestedBy != null;
    }
}
