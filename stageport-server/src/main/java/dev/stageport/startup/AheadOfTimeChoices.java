package dev.stageport.startup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The packaged server's bean definitions were decided once, at build time, by Spring's
 * ahead-of-time processing (stageport-server/pom.xml, goal process-aot): with the emulator off,
 * no single sign-on provider and platform request threads. Those three are the settings whose
 * conditions add or leave out beans. A start that sets any of them differently needs beans the
 * build left out, so it starts without the generated definitions: slower, but exactly the
 * server a start without ahead-of-time processing gives. Runs before the context is created,
 * which is when Spring Boot reads the switch.
 */
public class AheadOfTimeChoices implements EnvironmentPostProcessor {

    /** EmulatorMode.PROPERTY (this package may not depend on the emulator's). */
    static final String EMULATOR = "stageport.emulator.mode";
    static final String VIRTUAL_THREADS = "spring.threads.virtual.enabled";
    static final String SINGLE_SIGN_ON = "spring.security.oauth2.client.registration";

    private final Log log;

    public AheadOfTimeChoices(DeferredLogFactory logs) {
        this.log = logs.getLog(AheadOfTimeChoices.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        differentFromTheBuild(environment).ifPresent(setting -> {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
            log.info("Starting without the build's ahead-of-time bean definitions: " + setting
                    + " adds beans the build left out.");
        });
    }

    /** The first setting whose beans differ from those the build decided on, if any. */
    static Optional<String> differentFromTheBuild(Environment environment) {
        // anything but off: the emulator's own check refuses a wrong value, as it does without AOT
        if (!environment.getProperty(EMULATOR, "off").strip().toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.of("STAGEPORT_EMULATOR (" + EMULATOR + ")");
        }
        if (!environment.getProperty(VIRTUAL_THREADS, "false").strip().equalsIgnoreCase("false")) {
            return Optional.of("STAGEPORT_VIRTUAL_THREADS (" + VIRTUAL_THREADS + ")");
        }
        boolean providers = Binder.get(environment).bind(SINGLE_SIGN_ON, Bindable.mapOf(String.class, Object.class))
                .map(Map::isEmpty).map(empty -> !empty).orElse(false);
        if (providers) {
            return Optional.of("a single sign-on provider (" + SINGLE_SIGN_ON + ")");
        }
        return Optional.empty();
    }
}
