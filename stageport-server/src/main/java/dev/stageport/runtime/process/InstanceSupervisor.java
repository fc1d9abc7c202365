package dev.stageport.runtime.process;

import dev.stageport.runtime.InstanceStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts an active instance that exited on its own: after {@link Backoff#delay}, in
 * the same directory with the same configuration, on a new port; the stable endpoint
 * switches once the restarted process is healthy. After the stage's maxRestarts restarts
 * since the last activation it stays Crashed until the next operation.
 */
final class InstanceSupervisor {

    private static final Logger log = LoggerFactory.getLogger(InstanceSupervisor.class);

    /** Starts a process for an instance on a new port (the driver's own start routine). */
    interface Starter {
        void start(ProcessInstance instance);
    }

    /** Points the slot's stable port at an instance port (the driver's router call). */
    interface Switcher {
        void switchTo(AssetSlot slot, int port);
    }

    private final ScheduledExecutorService scheduler;
    private final HealthProbe probe;
    private final Starter starter;
    private final Switcher switcher;
    private final Clock clock;

    InstanceSupervisor(ScheduledExecutorService scheduler, HealthProbe probe, Starter starter, Switcher switcher,
                       Clock clock) {
        this.scheduler = scheduler;
        this.probe = probe;
        this.starter = starter;
        this.switcher = switcher;
        this.clock = clock;
    }

    void watch(AssetSlot slot, ProcessInstance instance) {
        ProcessHandle process = instance.process;
        if (process == null || !process.isAlive()) {
            exited(slot, instance, process);
            return;
        }
        process.onExit().thenRun(() -> exited(slot, instance, process));
    }

    void exited(AssetSlot slot, ProcessInstance instance, ProcessHandle process) {
        Duration delay;
        synchronized (slot) {
            if (instance.stopping || slot.active != instance || instance.process != process) {
                return; // stopped on purpose, replaced, or already restarted
            }
            slot.restarts++;
            if (slot.restarts > slot.settings.maxRestarts()) {
                slot.state(State.Crashed, clock.instant(), "The app exited and was restarted "
                        + (slot.restarts - 1) + " times; it stays down until the next deployment or ApplyConfigs.");
                log.warn("App {} in stage {} crashed; giving up after {} restarts.", slot.assetKey,
                        slot.environmentKey, slot.restarts - 1);
                return;
            }
            delay = Backoff.delay(slot.restarts);
            slot.state(State.Restarting, clock.instant(), "The app exited; restart " + slot.restarts + " in "
                    + delay.toMillis() + " ms.");
        }
        log.warn("App {} in stage {} exited; restarting in {} ms.", slot.assetKey, slot.environmentKey,
                delay.toMillis());
        scheduler.schedule(() -> restart(slot, instance), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(AssetSlot slot, ProcessInstance instance) {
        synchronized (slot) {
            if (instance.stopping || slot.active != instance) {
                return;
            }
        }
        ProcessHandle started;
        try {
            starter.start(instance);
            started = instance.process;
        } catch (RuntimeException e) {
            log.warn("Restarting app {} failed: {}", slot.assetKey, e.getMessage());
            exited(slot, instance, instance.process);
            return;
        }
        Optional<String> problem = probe.await(instance, instance.record.healthPath(), slot.settings.healthTimeout());
        synchronized (slot) {
            if (problem.isEmpty() && slot.active == instance && !instance.stopping) {
                try {
                    switcher.switchTo(slot, instance.port());
                } catch (RuntimeException e) {
                    log.warn("App {} in stage {} restarted, but its stable port could not be switched: {}",
                            slot.assetKey, slot.environmentKey, e.getMessage());
                }
                slot.state(State.Running, clock.instant(), null);
                watch(slot, instance);
                return;
            }
        }
        InstanceLauncher.stop(started);
        exited(slot, instance, started);
    }
}
