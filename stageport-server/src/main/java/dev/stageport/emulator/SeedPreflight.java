package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Reads and checks the scenario seed (STAGEPORT_SEED) with the other pre-flight checks, before
 * the server creates anything: a seed with a mistake then stops the start in a second instead of
 * after the whole server is up, with the same one line that {@link ScenarioSeeder} would give
 * (it reads the file again when it applies it).
 */
public final class SeedPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 11; // just after the settings' pre-flight
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        StageportProperties properties = Binder.get(event.getEnvironment())
                .bindOrCreate("stageport", StageportProperties.class);
        String seed = properties.emulator().seed();
        if (!seed.isBlank() && "on".equalsIgnoreCase(properties.emulator().mode().strip())) {
            Scenario.of(ScenarioFile.read(Path.of(seed)));
        }
    }
}
