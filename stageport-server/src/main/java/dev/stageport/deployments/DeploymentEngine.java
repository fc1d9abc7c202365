package dev.stageport.deployments;

import dev.stageport.StageportProperties;
import dev.stageport.runtime.RuntimeOwnership;
import java.time.Clock;
import dev.stageport.work.WorkerPool;
import java.time.Instant;
import java.util.UUID;
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
    private final StageportProperties.Engine settings;
    private final Clock clock;
    /** Unique per engine instance, so claims of a crashed process are told apart from ours. */
    private final String instanceId = "engine-" + UUID.randomUUID();

    private final WorkerPool pool;

    private final RuntimeOwnership ownership;

    public DeploymentEngine(DeploymentRepository operations, OperationRunner runner, EngineSignal signal,
                            StageportProperties properties, Clock clock, RuntimeOwnership ownership) {
        this.ownership = ownership;
        this.operations = operations;
        this.runner = runner;
        this.settings = properties.engine();
        this.clock = clock;
        this.pool = new WorkerPool("deploy", signal, settings.pollInterval(), this::runOnce);
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
        // process stages of other replicas are left out of the query, so their queue never hides ours
        var mine = operations.candidates(now, CANDIDATES, ownership.stagesOfOtherReplicas());
        for (DeploymentOperation candidate : mine) {
            if (!ownership.mayRun(candidate.environmentKey())) {
                continue; // a process stage whose apps run on another replica: that replica runs it
            }
            Instant leaseUntil = now.plus(settings.lease());
            if (!operations.claim(candidate.key(), candidate.version(), workerId, now, leaseUntil)) {
                continue; // another worker was faster; try the next candidate
            }
            Claim claim = new Claim(candidate.key(), candidate.operation().name(), workerId,
                    candidate.version() + 1);
            claim.step(candidate.currentStep());
            claim.heartbeat(pool.heartbeat(settings.lease(), () -> renew(claim)));
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

    @Override
    public void start() {
        if (settings.enabled()) {
            pool.start(instanceId, settings.workers());
        }
    }

    /**
     * Interrupts the workers: an operation cut short stays Running with a lease that
     * expires, and is ended by recovery, exactly as after a crash.
     */
    @Override
    public void stop() {
        pool.stop();
    }

    @Override
    public boolean isRunning() {
        return pool.isRunning();
    }
}
