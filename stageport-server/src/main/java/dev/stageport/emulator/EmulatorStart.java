package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the emulator on, keeps the state after the bootstrap client, the seed and the
 * demo data as the state a reset returns to. Runs after them and before readiness.
 */
@Component
@Order(30)
class EmulatorStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmulatorStart.class);

    private final EmulatorMode mode;
    private final EmulatorState state;
    private final StageportProperties properties;
    private final ObjectProvider<EmulatorTraffic> traffic;

    EmulatorStart(EmulatorMode mode, EmulatorState state, StageportProperties properties,
                  ObjectProvider<EmulatorTraffic> traffic) {
        this.mode = mode;
        this.state = state;
        this.properties = properties;
        this.traffic = traffic;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.on()) {
            return;
        }
        if (properties.engine().enabled()) {
            waitForRunningOperations();
        }
        if (state.keepSeedState()) {
            log.info("Emulator on: the state after start-up is what POST /api/stageport/v1/emulator/reset returns to.");
        }
        traffic.ifAvailable(EmulatorTraffic::started);
    }

    /** The demo's first deploy (or a seeded Pending build) runs at start: the reset state is the one after it. */
    private void waitForRunningOperations() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (state.runningOperations() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
