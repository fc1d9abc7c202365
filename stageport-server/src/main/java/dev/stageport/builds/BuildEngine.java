package dev.stageport.builds;

import dev.stageport.StageportProperties;
import dev.stageport.deployments.EngineSignal;
import dev.stageport.work.WorkerPool;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A small pool of build workers. The build table is the queue: a worker takes a
 * Pending build (or one whose worker's lease expired) with a conditional UPDATE,
 * renews its lease while it packages, and sleeps until woken or the poll interval
 * passes. Lease length, poll interval and on/off follow the deployment engine's
 * settings; builds are I/O bound, so {@value #WORKERS} workers per server suffice.
 */
@Component
public class BuildEngine implements SmartLifecycle {

    static final int WORKERS = 2;
    private static final Logger log = LoggerFactory.getLogger(BuildEngine.class);
    private static final int CANDIDATES = 8;

    private final BuildQueue queue;
    private final BuildRunner runner;
    private final StageportProperties.Engine settings;
    private final Clock clock;
    private final EngineSignal signal = new EngineSignal();
    private final WorkerPool pool;
    private final String instanceId = "builder-" + UUID.randomUUID();

    public BuildEngine(BuildQueue queue, BuildRunner runner, StageportProperties properties, Clock clock) {
        this.queue = queue;
        this.runner = runner;
        this.settings = properties.engine();
        this.clock = clock;
        this.pool = new WorkerPool("build", signal, settings.pollInterval(), this::runOnce);
    }

    /** Tells idle workers that a build was requested. */
    public void wake() {
        signal.wake();
    }

    /** Claims and runs at most one build on the calling thread; true when it ran one. */
    public boolean runOnce() {
        return runOnce(instanceId + "-tick");
    }

    /**
     * Runs this build now on the calling thread if it is still waiting (used where the
     * caller needs the outcome at once, e.g. seeding the demo). False when another
     * worker has it.
     */
    public boolean runNow(String buildKey) {
        return queue.job(buildKey).map(job -> run(job, instanceId + "-now")).orElse(false);
    }

    boolean runOnce(String workerId) {
        for (BuildQueue.Job job : queue.candidates(clock.instant(), CANDIDATES)) {
            if (run(job, workerId)) {
                return true;
            }
        }
        return false;
    }

    private boolean run(BuildQueue.Job job, String workerId) {
        Instant now = clock.instant();
        if (job.status() == Build.BuildStatus.Pending) {
            Build.TRANSITIONS.check(job.key(), job.status(), Build.BuildStatus.Running);
        } else if (job.status() != Build.BuildStatus.Running) {
            return false;
        }
        if (!queue.claim(job, workerId, now, now.plus(settings.lease()))) {
            return false; // another worker was faster, or the build is not waiting any more
        }
        BuildRunner.Hold hold = new BuildRunner.Hold(job, workerId);
        ScheduledFuture<?> heartbeat = pool.heartbeat(settings.lease(), () -> renew(hold));
        try {
            runner.run(hold);
        } finally {
            heartbeat.cancel(false);
        }
        return true;
    }

    private void renew(BuildRunner.Hold hold) {
        try {
            queue.heartbeat(hold.job.key(), hold.workerId, clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            log.warn("Heartbeat for build {} failed: {}", hold.job.key(), e.getMessage());
        }
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            pool.start(instanceId, WORKERS);
        }
    }

    @Override
    public void stop() {
        pool.stop();
    }

    @Override
    public boolean isRunning() {
        return pool.isRunning();
    }
}
