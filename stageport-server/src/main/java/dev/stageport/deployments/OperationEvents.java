package dev.stageport.deployments;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
        /** Tells its client what is new in the operation as read now (first on the request thread). */
        void check(OperationSnapshot now);

        /**
         * Writes something the client ignores, so that one who hung up is noticed and let go
         * (an event stream's comment line); a long poll has nothing to write and ends within a minute.
         */
        default void keepAlive() {
        }
    }

    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(OperationEvents.class);

    private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private final StatusResponses statuses;
    /** Pushes what this replica's workers changed. */
    private final ExecutorService executor = Executors.newFixedThreadPool(2, daemon("operation-events"));
    /** The sweep has a thread of its own: with thousands of followers it must never delay a push. */
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            daemon("operation-events-sweep"));
    /** Keep-alives too: a client slow to take one must not hold up the sweep. */
    private final ScheduledExecutorService keepAlives = Executors.newSingleThreadScheduledExecutor(
            daemon("operation-events-keep-alive"));

    public OperationEvents(DeploymentRepository operations, MessageRepository messages, StatusResponses statuses,
                           @Value("${stageport.followers.keep-alive:30s}") Duration keepAlive) {
        this.operations = operations;
        this.messages = messages;
        this.statuses = statuses;
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        if (!keepAlive.isNegative() && !keepAlive.isZero()) {
            keepAlives.scheduleWithFixedDelay(this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Registers the watcher, then lets it look once on the calling (request) thread: a change
     * after the registration is signalled, one before it is seen by that first look.
     */
    public void watch(String operationKey, Watcher watcher) {
        watchers.computeIfAbsent(operationKey, k -> new CopyOnWriteArraySet<>()).add(watcher);
        check(watcher, snapshot(operationKey));
    }

    public void unwatch(String operationKey, Watcher watcher) {
        watchers.computeIfPresent(operationKey, (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The operation changed; inside a transaction the watchers hear of it only once it commits.
     * Its kept status is dropped first, on the writer's thread: a poll here after the write sees it.
     */
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

    /** How many clients follow this operation on this replica now. */
    public int followers(String operationKey) {
        Set<Watcher> set = watchers.get(operationKey);
        return set == null ? 0 : set.size();
    }

    private void notifyWatchers(String operationKey) {
        statuses.changed(operationKey);
        if (watchers.containsKey(operationKey)) {
            executor.execute(() -> checkAll(operationKey));
        }
    }

    /**
     * Sends every follower its keep-alive now (the schedule calls it every
     * {@code stageport.followers.keep-alive}); a follower whose client is gone stops watching.
     */
    public void keepAlive() {
        watchers.values().forEach(set -> set.forEach(watcher -> {
            try {
                watcher.keepAlive();
            } catch (RuntimeException e) {
                log.debug("An operation watcher's keep-alive failed: {}", e.toString());
            }
        }));
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

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        sweeper.shutdownNow();
        keepAlives.shutdownNow();
    }
}
