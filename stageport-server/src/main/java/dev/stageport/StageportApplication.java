package dev.stageport;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StageportApplication {

    /** Written by the build's ahead-of-time processing (goal process-aot); absent in a plain compile. */
    static final String GENERATED_INITIALIZER = StageportApplication.class.getName() + "__ApplicationContextInitializer";

    public static void main(String[] args) {
        useAheadOfTimeDefinitions();
        SpringApplication.run(StageportApplication.class, args);
    }

    /**
     * The packaged server starts from the bean definitions generated at build time, which spares it
     * parsing the configuration classes and evaluating their conditions (docs/benchmarks.md);
     * -Dspring.aot.enabled=false starts it the usual way, and startup/AheadOfTimeChoices does so
     * by itself when a setting asks for beans the build left out.
     */
    static void useAheadOfTimeDefinitions() {
        // the build's processing itself runs main, and must not start from the previous build's output
        if (System.getProperty(AotDetector.AOT_ENABLED) == null && !Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                && ClassUtils.isPresent(GENERATED_INITIALIZER, StageportApplication.class.getClassLoader())) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }
}
