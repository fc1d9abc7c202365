package dev.stageport.bundles;

import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.configschema.ValueRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The manifest's {@code configuration}: settings, timers, integrations and library references. */
final class ConfigSectionParser {

    static final Set<String> CONFIGURATION = Set.of("settings", "timers", "integrations", "libraries");
    private static final Set<String> SETTING = Set.of("key", "name", "description", "dataType", "defaultValue",
            "isSecret");
    private static final Set<String> TIMER = Set.of("key", "name", "description", "schedule", "isActive");
    private static final Set<String> INTEGRATION = Set.of("key", "name", "pluginType", "configs");
    private static final Set<String> LIBRARY = Set.of("assetKey", "revision", "tag");

    private final JsonChecks c;

    ConfigSectionParser(JsonChecks checks) {
        this.c = checks;
    }

    List<ConfigSchema.Setting> settings(JsonNode parent, String field, String where) {
        List<ConfigSchema.Setting> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        c.forEachObject(parent, field, where, SETTING, (item, at) -> {
            String key = c.key(item, at, keys, where);
            String name = c.text(item, "name", at, false);
            String description = c.text(item, "description", at, false);
            String typeName = c.text(item, "dataType", at, true);
            DataType dataType = null;
            if (typeName != null) {
                try {
                    dataType = DataType.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    c.add(at + ".dataType '" + typeName + "' is not one of "
                            + Arrays.toString(DataType.values()) + ".");
                }
            }
            String defaultValue = c.scalar(item, "defaultValue", at);
            if (dataType != null && defaultValue != null) {
                // a bundle cannot carry a file name for a BinaryUrl default, so any name passes here
                ValueRules.problem(dataType, defaultValue, "default").ifPresent(expected ->
                        c.add(at + ".defaultValue does not fit dataType " + typeName + ": it expects "
                                + expected + "."));
            }
            boolean secret = c.bool(item, "isSecret", at, false);
            out.add(new ConfigSchema.Setting(key, name == null ? key : name, description, dataType, defaultValue,
                    secret));
        });
        return out;
    }

    List<ConfigSchema.Timer> timers(JsonNode configuration) {
        List<ConfigSchema.Timer> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        c.forEachObject(configuration, "timers", "configuration.timers", TIMER, (item, at) -> {
            String key = c.key(item, at, keys, "configuration.timers");
            String name = c.text(item, "name", at, false);
            String schedule = c.text(item, "schedule", at, true);
            out.add(new ConfigSchema.Timer(key, name == null ? key : name, c.text(item, "description", at, false),
                    schedule, c.bool(item, "isActive", at, true)));
        });
        return out;
    }

    List<ConfigSchema.Integration> integrations(JsonNode configuration) {
        List<ConfigSchema.Integration> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        c.forEachObject(configuration, "integrations", "configuration.integrations", INTEGRATION, (item, at) -> {
            String key = c.key(item, at, keys, "configuration.integrations");
            String name = c.text(item, "name", at, false);
            String pluginType = c.text(item, "pluginType", at, true);
            out.add(new ConfigSchema.Integration(key, name == null ? key : name, pluginType,
                    settings(item, "configs", at + ".configs")));
        });
        return out;
    }

    List<Bundle.LibraryReference> libraries(JsonNode configuration) {
        List<Bundle.LibraryReference> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        c.forEachObject(configuration, "libraries", "configuration.libraries", LIBRARY, (item, at) -> {
            String assetKey = c.uuid(item, "assetKey", at);
            JsonNode revision = item.get("revision");
            String tag = c.text(item, "tag", at, false);
            Integer number = null;
            if (revision != null && !revision.isNull()) {
                if (revision.isInt() && revision.intValue() >= 1) {
                    number = revision.intValue();
                } else {
                    c.add(at + ".revision must be a whole number of at least 1.");
                }
            }
            boolean hasRevision = revision != null && !revision.isNull();
            if (hasRevision == (tag != null)) {
                c.add(at + " must name exactly one of 'revision' or 'tag'.");
            }
            if (assetKey != null && !seen.add(assetKey)) {
                c.add(at + " references library " + assetKey + " a second time.");
            }
            out.add(new Bundle.LibraryReference(assetKey, number, tag));
        });
        return out;
    }
}
