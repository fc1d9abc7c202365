package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything configurable for one revision of an asset in one stage: its own
 * schema, the schemas of the library revisions it references, and (for apps) the
 * system configuration catalog with the stage's defaults applied.
 */
record ConfigModel(ConfigSchema schema, List<Library> libraries, boolean systemConfigurations,
                   Map<String, String> stageDefaults, Map<String, ConfigItem> items) {

    /** A referenced library revision; {@code asset} is null when the library is unknown here. */
    record Library(String key, int revision, Asset asset, ConfigSchema schema) {
        String name() {
            return asset == null ? key : asset.name();
        }
    }

    static ConfigModel of(ConfigSchema schema, List<Library> libraries, boolean systemConfigurations,
                          Map<String, String> stageDefaults) {
        Map<String, ConfigItem> items = new LinkedHashMap<>();
        if (systemConfigurations) {
            for (ConfigSchema.Setting s : SystemConfigurations.CATALOG) {
                String stage = stageDefaults.get(s.key());
                add(items, new ConfigItem(ConfigItem.systemPath(s.key()), s.key(), s.name(), s.description(),
                        s.dataType(), stage != null ? stage : s.defaultValue(), false, ConfigItem.Kind.SYSTEM,
                        stage != null ? Origin.EnvironmentLevelDefault : Origin.ApplicationLevelDefault, null));
            }
        }
        for (ConfigSchema.Setting s : schema.settings()) {
            add(items, setting(ConfigItem.settingPath(s.key()), s, ConfigItem.Kind.SETTING,
                    Origin.ApplicationLevelDefault, null));
        }
        for (ConfigSchema.Timer t : schema.timers()) {
            String owner = t.name() == null || t.name().isBlank() ? t.key() : t.name();
            String active = ConfigItem.timerPath(t.key(), ConfigSchema.TIMER_IS_ACTIVE);
            String schedule = ConfigItem.timerPath(t.key(), ConfigSchema.TIMER_SCHEDULE);
            add(items, new ConfigItem(active, ConfigSchema.TIMER_IS_ACTIVE, t.name(), t.description(),
                    DataType.Boolean, t.isActive() ? "True" : "False", false, ConfigItem.Kind.TIMER,
                    Origin.ApplicationLevelDefault, owner));
            add(items, new ConfigItem(schedule, ConfigSchema.TIMER_SCHEDULE, t.name(), t.description(),
                    DataType.Text, t.schedule(), false, ConfigItem.Kind.TIMER, Origin.ApplicationLevelDefault, owner));
        }
        for (ConfigSchema.Integration i : schema.integrations()) {
            for (ConfigSchema.Setting c : i.configs()) {
                add(items, setting(ConfigItem.integrationPath(i.key(), c.key()), c, ConfigItem.Kind.INTEGRATION,
                        Origin.ApplicationLevelDefault, owner(i)));
            }
        }
        for (Library lib : libraries) {
            for (ConfigSchema.Setting s : lib.schema().settings()) {
                add(items, setting(ConfigItem.librarySettingPath(lib.key(), s.key()), s,
                        ConfigItem.Kind.LIBRARY_SETTING, Origin.LibraryLevelDefault, lib.name()));
            }
            for (ConfigSchema.Integration i : lib.schema().integrations()) {
                for (ConfigSchema.Setting c : i.configs()) {
                    add(items, setting(ConfigItem.libraryIntegrationPath(lib.key(), i.key(), c.key()), c,
                            ConfigItem.Kind.LIBRARY_INTEGRATION, Origin.LibraryLevelDefault,
                            lib.name() + " " + owner(i)));
                }
            }
        }
        return new ConfigModel(schema, List.copyOf(libraries), systemConfigurations, Map.copyOf(stageDefaults),
                items);
    }

    private static ConfigItem setting(String path, ConfigSchema.Setting s, ConfigItem.Kind kind, Origin origin,
                                      String owner) {
        return new ConfigItem(path, s.key(), s.name(), s.description(),
                s.dataType() == null ? DataType.Text : s.dataType(), s.defaultValue(), s.isSecret(), kind, origin,
                owner);
    }

    private static String owner(ConfigSchema.Integration i) {
        return i.name() == null || i.name().isBlank() ? i.key() : i.name();
    }

    private static void add(Map<String, ConfigItem> items, ConfigItem item) {
        items.putIfAbsent(item.path(), item);
    }
}
