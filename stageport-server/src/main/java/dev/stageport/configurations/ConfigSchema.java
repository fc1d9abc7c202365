package dev.stageport.configurations;

import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration schema a revision declares, stored as JSON with the revision.
 * Settings carry a value of a {@link DataType}; timers expose two configs,
 * {@code IsActive} (Boolean) and {@code Schedule} (Text).
 */
public record ConfigSchema(List<Setting> settings, List<Timer> timers) {

    public static final String TIMER_IS_ACTIVE = "IsActive";
    public static final String TIMER_SCHEDULE = "Schedule";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ConfigSchema {
        settings = settings == null ? List.of() : List.copyOf(settings);
        timers = timers == null ? List.of() : List.copyOf(timers);
    }

    public record Setting(String key, String name, String description, DataType dataType, String defaultValue,
                          boolean isSecret) {
    }

    public record Timer(String key, String name, String description, String schedule, boolean isActive) {
    }

    public static ConfigSchema parse(String json) {
        return JSON.readValue(json, ConfigSchema.class);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
