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
 * by other replicas. A signal carries no data: the operation is read once per
 * signal for all its watchers (an {@link OperationSnapshot}), so a lost or duplicate
 * one is harmless and thousands of followers cost a read per operation, not per follower.
 */
@Component
public class OperationEvents implements DisposableBean {

    /** Someone following one operation. */
    public interface Watcher {
        /** Tells its client what is new in the operation as read now; called on the events thread. */
        void check(OperationSnapshot now);
    }

    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(OperationEvents.class);

    private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "operation-events");
        thread.setDaemon(true);
        return thread;
    });

    public OperationEvents(DeploymentRepository operations, MessageRepository messages) {
        this.operations = operations;
        this.messages = messages;
        executor.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void watch(String operationKey, Watcher watcher) {
        watchers.computeIfAbsent(operationKey, k -> new CopyOnWriteArraySet<>()).add(watcher);
        executor.execute(() -> check(watcher, snapshot(operationKey)));
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

    /** How many clients follow operations on this replica now (streams and long polls). */
    public int followers() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    private void notifyWatchers(String operationKey) {
        if (watchers.containsKey(operationKey)) {
            executor.execute(() -> checkAll(operationKey));
        }
    }

    private void sweep() {
        watchers.keySet().forEach(this::checkAll);
    }

    private void checkAll(String operationKey) {
        Set<Watcher> set = watchers.get(operationKey);
        if (set == null) {
            return;
        }
        OperationSnapshot now = snapshot(operationKey);
        set.forEach(watcher -> check(watcher, now));
    }

    private OperationSnapshot snapshot(String operationKey) {
        return new OperationSnapshot(operationKey, operations, messages);
    }

    private static void check(Watcher watcher, OperationSnapshot now) {
        try {
            watcher.check(now);
        } catch (RuntimeException e) {
            log.debug("An operation watcher failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
