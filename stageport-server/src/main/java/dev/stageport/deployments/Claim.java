package dev.stageport.deployments;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * A worker's hold on one operation: who holds it and the row version it last
 * wrote. Only the worker thread touches the version; the heartbeat only renews the lease.
 */
final class Claim {

    final String operationKey;
    final String workerId;
    /** The operation type (Deploy, ...), a label on the step metrics. */
    final String operation;
    private long version;
    private ScheduledFuture<?> heartbeat;
    private String step;
    /** When the step in progress started in this process; null before our first step (e.g. in recovery). */
    private Instant stepStartedAt;
    /** The terminal status we committed, once the transaction that wrote it has committed. */
    private volatile OperationStatus ended;

    Claim(String operationKey, String operation, String workerId, long version) {
        this.operationKey = operationKey;
        this.operation = operation;
        this.workerId = workerId;
        this.version = version;
    }

    long version() {
        return version;
    }

    /** Called after each successful conditional write, which bumped the row's version. */
    void advanced() {
        version++;
    }

    /** The step in progress (as written to current_step), for Error messages. */
    String step() {
        return step;
    }

    void step(String step) {
        this.step = step;
    }

    Instant stepStartedAt() {
        return stepStartedAt;
    }

    void stepStartedAt(Instant at) {
        this.stepStartedAt = at;
    }

    OperationStatus ended() {
        return ended;
    }

    void ended(OperationStatus status) {
        this.ended = status;
    }

    void heartbeat(ScheduledFuture<?> heartbeat) {
        this.heartbeat = heartbeat;
    }

    void release() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** Another worker took the operation over (our lease had expired): drop it, touch nothing more. */
    static final class Lost extends RuntimeException {
        Lost(String operationKey) {
            super("Lost the claim on operation " + operationKey + ".", null, false, false);
        }
    }
}
