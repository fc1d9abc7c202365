package dev.stageport.work;

import dev.stageport.DurableWrites;
import dev.stageport.StageportProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one operation engine. Its cycle: the sweeper query finds due work of every kind
 * (new, snoozed, or with an expired lease), one conditional UPDATE claims it, a
 * heartbeat renews the lease while the kind's handler runs its step plan (a failed
 * heartbeat marks the lease lost, so the worker writes nothing more; a cancel or a
 * passed deadline wakes a waiting step), and the handler ends or snoozes the item.
 */
@Component
public class OperationEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationEngine.class);
    private static final int CANDIDATES = 8;

    private final WorkQueue queue;
    private final ActiveLeases leases;
    private final StepRunner steps;
    private final StageportProperties.Engine settings;
    private final Clock clock;
    private final Map<String, WorkHandler> handlers = new LinkedHashMap<>();
    private final String instanceId = "engine-" + UUID.randomUUID();
    private final WorkerPool pool;
    private final Placement placement;
    private final EngineSignal signal;
    private final DurableWrites durable;
    /** While set (an emulator reset), no worker claims anything. */
    private volatile boolean held;

    public OperationEngine(WorkQueue queue, ActiveLeases leases, StepRunner steps, List<WorkHandler> handlers,
                           EngineSignal signal, StageportProperties properties, Clock clock,
                           org.springframework.beans.factory.ObjectProvider<Placement> placement,
                           DurableWrites durable) {
        this.durable = durable;
        this.placement = placement.getIfAvailable(() -> Placement.ANYWHERE);
        this.signal = signal;
        this.queue = queue;
        this.leases = leases;
        this.steps = steps;
        this.settings = properties.engine();
        this.clock = clock;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.pool = new WorkerPool("engine", signal, settings.pollInterval(), this::tick);
    }

    /** One engine cycle on the calling thread: claims and runs at most one due item of any kind. */
    public boolean runOnce() {
        return tick(instanceId + "-tick", List.copyOf(handlers.keySet()));
    }

    /** One cycle restricted to one kind (tests of one feature). */
    public boolean runOnce(String kind) {
        return tick(instanceId + "-tick", List.of(kind));
    }

    /** Runs this item now on the calling thread if it is due and free; false when it is not. */
    public boolean runNow(String key) {
        if (held) {
            return false;
        }
        return queue.find(key).filter(WorkItem::running)
                .map(item -> run(item, instanceId + "-now", clock.instant(), null)).orElse(false);
    }

    private boolean tick(String workerId) {
        return tick(workerId, List.copyOf(handlers.keySet()));
    }

    private boolean tick(String workerId, List<String> kinds) {
        if (held) {
            return false;
        }
        Instant now = clock.instant();
        Placement.View placements = placement.view();
        for (WorkItem candidate : queue.candidates(kinds, now, CANDIDATES, placements.elsewhere())) {
            if (run(candidate, workerId, now, placements)) {
                return true;
            }
        }
        return false;
    }

    /** @param placements this cycle's view of the placements, or null to ask about the item's own */
    private boolean run(WorkItem item, String workerId, Instant now, Placement.View placements) {
        WorkHandler handler = handlers.get(item.kind());
        if (item.placement() != null && (placements == null || !placements.runsHere(item.placement()))
                && !placement.mayRun(item.placement())) {
            return false; // placed on another replica (a process stage's apps run there): it runs it
        }
        if (handler == null || !queue.claim(item, workerId, now, now.plus(settings.lease()))) {
            return false; // another worker was faster, or not due any more
        }
        Lease lease = new Lease(item, workerId, clock);
        if (lease.abandoned()) {
            log.warn("Operation {} ({}) was abandoned by {} in step {}; resuming it.", item.key(), item.kind(),
                    item.claimedBy(), item.currentStep());
        }
        leases.add(lease);
        ScheduledFuture<?> heartbeat = pool.heartbeat(settings.lease(), () -> renew(lease));
        lease.bind();
        try {
            handler.run(lease);
            recordUnwrittenCompletion(lease);
            if (lease.ended()) {
                durable.flush(); // followers were told it ended: a restart must not take that back
            }
        } catch (LeaseLost lost) {
            log.info("{}; another worker owns it now.", lost.getMessage());
        } finally {
            lease.unbind();
            heartbeat.cancel(false);
            leases.remove(lease);
        }
        return true;
    }

    /** A handler that returned without ending or snoozing its item still leaves its progress and messages. */
    private void recordUnwrittenCompletion(Lease lease) {
        if (lease.ended() || lease.lost()) {
            return;
        }
        queue.flushMessages(lease);
        String step = lease.unwrittenCompletion();
        if (step != null) {
            queue.completeStep(lease, step);
        }
    }

    /**
     * Stops the engine for a state reset: nothing is claimed any more, every running
     * operation is asked to stop (it undoes what it started, as after a cancel), and
     * the call waits until this replica's workers let go of them. {@link #release} resumes.
     *
     * @return false when some worker still held an operation after {@code wait}
     */
    public boolean hold(String by, String reason, java.time.Duration wait) throws InterruptedException {
        held = true;
        queue.requestCancelAll(by, reason);
        leases.stopAll();
        signal.wake();
        return leases.awaitNone(wait);
    }

    public void release() {
        held = false;
        signal.wake();
    }

    /**
     * Before the clock jumps to {@code to}: renews every lease held here as if it were already
     * then, so no sweeper takes a running operation for abandoned when the clock moves.
     */
    public void clockMoving(Instant to) {
        leases.forEach(lease -> {
            try {
                queue.heartbeat(lease, to.plus(settings.lease()));
            } catch (RuntimeException e) {
                log.warn("Could not renew operation {} before the clock moved: {}", lease.key(), e.getMessage());
            }
        });
    }

    /** After the clock moved: renew again, wake waiting steps so they look at it, and look for due work. */
    public void clockMoved() {
        leases.forEach(lease -> {
            renew(lease);
            lease.nudge();
        });
        signal.wake();
    }

    private void renew(Lease lease) {
        try {
            if (!queue.heartbeat(lease, clock.instant().plus(settings.lease()))) {
                lease.lose();
                return;
            }
            if (steps.stopReason(lease, lease.step()).isPresent()) {
                lease.stop();
            }
        } catch (RuntimeException e) {
            // a lease we cannot renew may be taken over: stop writing rather than race the next holder
            log.warn("Heartbeat for operation {} failed: {}", lease.key(), e.getMessage());
            lease.lose();
        }
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            pool.start(instanceId, settings.workers());
        }
    }

    /** Interrupts the workers: work cut short keeps a lease that expires and is resumed, as after a crash. */
    @Override
    public void stop() {
        pool.stop();
    }

    @Override
    public boolean isRunning() {
        return pool.isRunning();
    }
}
