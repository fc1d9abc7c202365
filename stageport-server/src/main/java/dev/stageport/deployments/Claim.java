package dev.stageport.deployments;

import java.util.concurrent.ScheduledFuture;

/**
 * A worker's hold on one operation: who holds it and the row version it last
 * wrote. Only the worker thread touches the version; the heartbeat only renews the lease.
 */
final class Claim {

    final String operationKey;
    final String workerId;
    private long version;
    private ScheduledFuture<?> heartbeat;
    private String step;

    Claim(String operationKey, String workerId, long version) {
        this.operationKey = operationKey;
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
