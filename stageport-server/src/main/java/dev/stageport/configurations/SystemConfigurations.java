package dev.stageport.configurations;

import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed catalog of system configurations every app (not agents, not libraries)
 * has. They are not declared by revisions: the runtime owns them. A stage can set a
 * default for all its apps (default-system-configurations), and a single app can
 * override it. Kept small on purpose; documented in docs/configurations.md.
 */
final class SystemConfigurations {

    static final List<ConfigSchema.Setting> CATALOG = List.of(
            new ConfigSchema.Setting("LogLevel", "LogLevel",
                    "Lowest level of log entries the app writes (Debug, Info, Warning, Error)", DataType.Text,
                    "Info", false),
            new ConfigSchema.Setting("SessionTimeoutMinutes", "SessionTimeoutMinutes",
                    "Minutes of inactivity before a user session ends", DataType.Integer, "20", false),
            new ConfigSchema.Setting("MaintenanceMode", "MaintenanceMode",
                    "When True the app answers with a maintenance page", DataType.Boolean, "False", false));

    private SystemConfigurations() {
    }

    static Optional<ConfigSchema.Setting> find(String key) {
        String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        return CATALOG.stream().filter(s -> s.key().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
