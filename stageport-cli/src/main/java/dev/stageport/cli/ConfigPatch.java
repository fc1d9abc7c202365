package dev.stageport.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns NAME=VALUE pairs into an ApplicationConfigPatch, resolving names to keys with the revision's schema. */
final class ConfigPatch {

    private ConfigPatch() {
    }

    static Map<String, Object> build(JsonNode schema, int revision, Map<String, String> wanted) {
        List<Map<String, Object>> settings = new ArrayList<>();
        Map<String, List<Map<String, Object>>> timerConfigs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            String name = entry.getKey();
            int dot = name.indexOf('.');
            if (dot > 0) {
                String timerKey = find(schema.path("timers"), name.substring(0, dot), "timer");
                timerConfigs.computeIfAbsent(timerKey, k -> new ArrayList<>())
                        .add(Map.of("key", name.substring(dot + 1), "value", entry.getValue()));
            } else {
                settings.add(Map.of("key", find(schema.path("settings"), name, "setting"), "value",
                        entry.getValue()));
            }
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("revisionBaseline", revision);
        if (!settings.isEmpty()) {
            patch.put("settings", settings);
        }
        if (!timerConfigs.isEmpty()) {
            List<Map<String, Object>> timers = new ArrayList<>();
            timerConfigs.forEach((key, configs) -> timers.add(Map.of("key", key, "configs", configs)));
            patch.put("timers", timers);
        }
        return patch;
    }

    /** The server's item path of a setting name ({@code settings/KEY}) or a Timer.Config ({@code timers/KEY/Config}). */
    static String itemPath(JsonNode schema, String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            return "timers/" + find(schema.path("timers"), name.substring(0, dot), "timer") + "/"
                    + name.substring(dot + 1);
        }
        return "settings/" + find(schema.path("settings"), name, "setting");
    }

    /** True when {@code nameOrKey} names a setting that the revision's schema marks secret. */
    static boolean isSecret(JsonNode schema, String nameOrKey) {
        for (JsonNode item : schema.path("settings")) {
            if (item.path("name").asString("").equalsIgnoreCase(nameOrKey)
                    || item.path("key").asString("").equalsIgnoreCase(nameOrKey)) {
                return item.path("isSecret").asBoolean(false);
            }
        }
        return false;
    }

    /** A name or a key of an item in the schema. */
    private static String find(JsonNode items, String nameOrKey, String what) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : items) {
            String name = item.path("name").asString("");
            names.add(name);
            if (name.equalsIgnoreCase(nameOrKey) || item.path("key").asString("").equalsIgnoreCase(nameOrKey)) {
                return item.path("key").asString();
            }
        }
        throw new UsageException("no " + what + " named '" + nameOrKey + "' in this revision (" + what + "s: "
                + String.join(", ", names) + ")");
    }
}
