package dev.stageport.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that repeatedly run one tick of a database-backed queue: each worker
 * calls {@code tick} while it finds work and otherwise sleeps until the signal
 * wakes it or the poll interval passes. A failed tick (a database hiccup) backs
 * off one interval instead of killing the worker. Also schedules lease heartbeats,
 * so every queue (deployments, builds) shares one loop and one way of renewing.
 */
public final class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final String name;
    private final EngineSignal signal;
    private final Duration pollInterval;
    /** Runs one tick for the given worker id; true when it did some work. */
    private final Predicate<String> tick;
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public WorkerPool(String name, EngineSignal signal, Duration pollInterval, Predicate<String> tick) {
        this.name = name;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.tick = tick;
    }

    public synchronized void start(String instanceId, int size) {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, size); i++) {
            String workerId = instanceId + "-" + i;
            Thread thread = new Thread(() -> work(workerId), name + "-worker-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        log.info("{} started with {} workers.", name, workers.size());
    }

    /** Interrupts the workers; work cut short keeps a lease that expires and is recovered later. */
    public synchronized void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Renews a lease every third of its length until the returned future is cancelled. */
    public ScheduledFuture<?> heartbeat(Duration lease, Runnable renew) {
        long period = Math.max(10, lease.toMillis() / 3);
        return heartbeatExecutor().scheduleAtFixedRate(renew, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized ScheduledExecutorService heartbeatExecutor() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name + "-heartbeat");
                t.setDaemon(true);
                return t;
            });
        }
        return heartbeats;
    }

    private void work(String workerId) {
        while (running) {
            long seen = signal.generation();
            try {
                if (!tick.test(workerId)) {
                    signal.await(seen, pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} worker {} failed a tick: {}", name, workerId, e.toString());
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
