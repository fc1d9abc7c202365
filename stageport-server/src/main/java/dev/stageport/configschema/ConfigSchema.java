package dev.stageport.configschema;

import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration schema a revision declares, stored as JSON with the revision.
 * Settings carry a value of a {@link DataType}; timers expose two configs,
 * {@code IsActive} (Boolean) and {@code Schedule} (Text); integrations (e.g. a
 * consumed REST API) expose typed configs such as {@code BaseURL}; libraries are
 * references to LowCodeLibrary revisions whose own schema brings more settings and
 * integrations. Sections missing from older JSON read as empty.
 */
public record ConfigSchema(List<Setting> settings, List<Timer> timers, List<Integration> integrations,
                           List<LibraryRef> libraries) {

    public static final String TIMER_IS_ACTIVE = "IsActive";
    public static final String TIMER_SCHEDULE = "Schedule";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ConfigSchema {
        settings = settings == null ? List.of() : List.copyOf(settings);
        timers = timers == null ? List.of() : List.copyOf(timers);
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
    }

    /** Settings and timers only, the shape every revision before integrations had. */
    public ConfigSchema(List<Setting> settings, List<Timer> timers) {
        this(settings, timers, null, null);
    }

    public record Setting(String key, String name, String description, DataType dataType, String defaultValue,
                          boolean isSecret) {
    }

    public record Timer(String key, String name, String description, String schedule, boolean isActive) {
    }

    /** One integration of the revision; {@code pluginType} is e.g. "RestAPI". */
    public record Integration(String key, String name, String pluginType, List<Setting> configs) {
        public Integration {
            configs = configs == null ? List.of() : List.copyOf(configs);
        }
    }

    /** The revision of a LowCodeLibrary asset this revision was built against. */
    public record LibraryRef(String assetKey, int revision) {
    }

    public static ConfigSchema parse(String json) {
        if (json == null || json.isBlank()) {
            return new ConfigSchema(null, null);
        }
        return JSON.readValue(json, ConfigSchema.class);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
