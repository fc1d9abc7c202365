package dev.stageport.work;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Requests to running operations of any kind from outside the worker. A cancel is a
 * flag on the work row that the worker honours at its next step boundary; a waiting
 * step on this replica wakes at once, on another replica at its next heartbeat.
 */
@Component
public class WorkControl {

    private final WorkQueue queue;
    private final ActiveLeases leases;
    private final EngineSignal signal;

    public WorkControl(WorkQueue queue, ActiveLeases leases, EngineSignal signal) {
        this.queue = queue;
        this.leases = leases;
        this.signal = signal;
    }

    public Optional<WorkItem> find(String key) {
        return queue.find(key);
    }

    /** Wakes a waiting step now (e.g. its approval was decided); false when the operation already ended. */
    public boolean wake(String key) {
        if (!queue.wake(key)) {
            return false;
        }
        signal.wake();
        return true;
    }

    /** False when the operation already ended. */
    public boolean cancel(String key, String by, String reason) {
        if (!queue.requestCancel(key, by, reason)) {
            return false;
        }
        leases.stop(key);
        signal.wake();
        return true;
    }
}
