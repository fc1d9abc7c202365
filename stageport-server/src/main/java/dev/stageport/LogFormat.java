package dev.stageport;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps STAGEPORT_LOG_FORMAT (or stageport.log-format) onto Boot's structured console
 * logging before the logging system starts: {@code json} or {@code ecs} gives Elastic
 * Common Schema JSON lines, {@code logstash} and {@code gelf} their formats; anything
 * else, or nothing, keeps the human-readable pattern. Operators set one obvious
 * variable instead of learning Boot's property names.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "stageport.log-format";
    private static final String BOOT_PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "");
        String boot = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> null;
        };
        if (boot != null) {
            // added last: an explicit logging.structured.format.console still wins
            environment.getPropertySources().addLast(new MapPropertySource("stageportLogFormat",
                    Map.of(BOOT_PROPERTY, boot)));
        }
    }
}
