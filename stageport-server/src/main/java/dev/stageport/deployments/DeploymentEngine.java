package dev.stageport.deployments;

import dev.stageport.StageportProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The workers that execute recorded operations (the API only records intent).
 * The deployment_operation table is the queue: a worker picks candidates with a
 * plain select, takes one with a single conditional UPDATE, renews its lease by
 * heartbeat while it works, and sleeps until woken by {@link EngineSignal} or the
 * poll interval passes. Any number of replicas can run this side by side.
 */
@Component
public class DeploymentEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeploymentEngine.class);
    private static final int CANDIDATES = 8;

    private final DeploymentRepository operations;
    private final OperationRunner runner;
    private final EngineSignal signal;
    private final StageportProperties.Engine settings;
    private final Clock clock;
    /** Unique per engine instance, so claims of a crashed process are told apart from ours. */
    private final String instanceId = "engine-" + UUID.randomUUID();

    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public DeploymentEngine(DeploymentRepository operations, OperationRunner runner, EngineSignal signal,
                            StageportProperties properties, Clock clock) {
        this.operations = operations;
        this.runner = runner;
        this.signal = signal;
        this.settings = properties.engine();
        this.clock = clock;
    }

    /**
     * One tick: claims and executes at most one operation on the calling thread.
     * Returns true when it did something. Tests call it to drive the engine directly.
     */
    public boolean runOnce() {
        return runOnce(instanceId + "-tick");
    }

    boolean runOnce(String workerId) {
        Instant now = clock.instant();
        for (DeploymentOperation candidate : operations.candidates(now, CANDIDATES)) {
            Instant leaseUntil = now.plus(settings.lease());
            if (!operations.claim(candidate.key(), candidate.version(), workerId, now, leaseUntil)) {
                continue; // another worker was faster; try the next candidate
            }
            Claim claim = new Claim(candidate.key(), candidate.operation().name(), workerId,
                    candidate.version() + 1);
            claim.step(candidate.currentStep());
            claim.heartbeat(heartbeatExecutor().scheduleAtFixedRate(() -> renew(claim),
                    heartbeatPeriod().toMillis(), heartbeatPeriod().toMillis(), TimeUnit.MILLISECONDS));
            try {
                if (candidate.claimedBy() != null) {
                    // someone held it and stopped renewing: that server died mid-operation
                    log.warn("Operation {} was abandoned by {} in step {}; ending it.", candidate.key(),
                            candidate.claimedBy(), candidate.currentStep());
                    runner.recover(candidate, claim);
                } else {
                    runner.run(candidate, claim);
                }
            } finally {
                claim.release();
            }
            return true;
        }
        return false;
    }

    private void renew(Claim claim) {
        try {
            if (!operations.heartbeat(claim.operationKey, claim.workerId, clock.instant().plus(settings.lease()))) {
                claim.release();
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat for operation {} failed: {}", claim.operationKey, e.getMessage());
        }
    }

    private Duration heartbeatPeriod() {
        return Duration.ofMillis(Math.max(10, settings.lease().toMillis() / 3));
    }

    private synchronized ScheduledExecutorService heartbeatExecutor() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deploy-heartbeat");
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
                if (!runOnce(workerId)) {
                    signal.await(seen, settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a database hiccup must not kill the worker; back off one interval and retry
                log.warn("Deployment worker {} failed a tick: {}", workerId, e.toString());
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
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

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            String workerId = instanceId + "-" + i;
            Thread thread = new Thread(() -> work(workerId), "deploy-worker-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        log.info("Deployment engine started with {} workers.", workers.size());
    }

    /**
     * Interrupts the workers: an operation cut short stays Running with a lease that
     * expires, and is ended by recovery, exactly as after a crash.
     */
    @Override
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

    @Override
    public boolean isRunning() {
        return running;
    }
}
