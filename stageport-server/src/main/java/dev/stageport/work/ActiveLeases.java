package dev.stageport.work;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The leases this replica's workers hold now, so a cancel can wake a waiting step at once. */
@Component
public class ActiveLeases {

    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    void add(Lease lease) {
        held.put(lease.key(), lease);
    }

    void remove(Lease lease) {
        held.remove(lease.key(), lease);
        synchronized (this) {
            notifyAll();
        }
    }

    void stopAll() {
        held.values().forEach(Lease::stop);
    }

    /** Waits until this replica's workers hold nothing; false when some still did after {@code wait}. */
    synchronized boolean awaitNone(java.time.Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!held.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    void forEach(java.util.function.Consumer<Lease> action) {
        held.values().forEach(action);
    }

    void stop(String key) {
        Lease lease = held.get(key);
        if (lease != null) {
            lease.stop();
        }
    }
}
