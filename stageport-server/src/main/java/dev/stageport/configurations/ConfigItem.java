package dev.stageport.configurations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configurable value of a revision, flattened out of the schema so that PATCH,
 * GET and the resolver agree on item paths: {@code settings/<key>} for a setting,
 * {@code timers/<key>/IsActive} and {@code timers/<key>/Schedule} for a timer.
 */
record ConfigItem(String path, String key, String name, String description, DataType dataType,
                  String defaultValue, boolean secret, boolean timer) {

    static String settingPath(String key) {
        return "settings/" + key;
    }

    static String timerPath(String timerKey, String config) {
        return "timers/" + timerKey + "/" + config;
    }

    /** Every item of the schema, in schema order, by path. */
    static Map<String, ConfigItem> of(ConfigSchema schema) {
        Map<String, ConfigItem> items = new LinkedHashMap<>();
        for (ConfigSchema.Setting s : schema.settings()) {
            items.put(settingPath(s.key()), new ConfigItem(settingPath(s.key()), s.key(), s.name(), s.description(),
                    s.dataType() == null ? DataType.Text : s.dataType(), s.defaultValue(), s.isSecret(), false));
        }
        for (ConfigSchema.Timer t : schema.timers()) {
            String active = timerPath(t.key(), ConfigSchema.TIMER_IS_ACTIVE);
            String schedule = timerPath(t.key(), ConfigSchema.TIMER_SCHEDULE);
            items.put(active, new ConfigItem(active, ConfigSchema.TIMER_IS_ACTIVE, t.name(), t.description(),
                    DataType.Boolean, t.isActive() ? "True" : "False", false, true));
            items.put(schedule, new ConfigItem(schedule, ConfigSchema.TIMER_SCHEDULE, t.name(), t.description(),
                    DataType.Text, t.schedule(), false, true));
        }
        return items;
    }

    /** How deployment messages name the item, e.g. "Setting GreetingText" or "Timer Cleanup IsActive". */
    String label() {
        String owner = name == null || name.isBlank() ? key : name;
        return timer ? "Timer " + owner + " " + key : "Setting " + owner;
    }
}
