package dev.stageport.deployments;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells whoever follows an operation (event streams, long polls) that it changed.
 * The worker on this replica signals right after its write commits, which keeps
 * push latency at a few milliseconds; a sweep every second catches changes made
 * by other replicas. Watchers re-read the database, so a signal carries no data
 * and a lost or duplicate one is harmless.
 */
@Component
public class OperationEvents implements DisposableBean {

    /** Someone following one operation. */
    public interface Watcher {
        /** Re-reads the operation and tells its client what is new; called on the events thread. */
        void check();
    }

    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(OperationEvents.class);

    private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "operation-events");
        thread.setDaemon(true);
        return thread;
    });

    public OperationEvents() {
        executor.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void watch(String operationKey, Watcher watcher) {
        watchers.computeIfAbsent(operationKey, k -> new CopyOnWriteArraySet<>()).add(watcher);
        executor.execute(() -> check(watcher));
    }

    public void unwatch(String operationKey, Watcher watcher) {
        watchers.computeIfPresent(operationKey, (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /** The operation changed; inside a transaction the watchers hear of it only once it commits. */
    public void changed(String operationKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifyWatchers(operationKey);
                }
            });
        } else {
            notifyWatchers(operationKey);
        }
    }

    private void notifyWatchers(String operationKey) {
        Set<Watcher> set = watchers.get(operationKey);
        if (set != null) {
            set.forEach(watcher -> executor.execute(() -> check(watcher)));
        }
    }

    private void sweep() {
        watchers.values().forEach(set -> set.forEach(OperationEvents::check));
    }

    private static void check(Watcher watcher) {
        try {
            watcher.check();
        } catch (RuntimeException e) {
            log.debug("An operation watcher failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
