package dev.stageport.configurations;

import dev.stageport.web.ApiException;
import dev.stageport.web.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks every key and value of a PATCH against the baseline revision's schema and
 * collects every finding before refusing, so a pipeline fixes its request in one go.
 * Returns the changes only when the whole request is valid (all-or-nothing).
 */
final class PatchValidator {

    /** One value to store: the schema item it targets and the value in its canonical form. */
    record Change(ConfigItem item, String value, String filename) {
    }

    private final int revision;
    private final Map<String, ConfigSchema.Setting> settings = new HashMap<>();
    private final Map<String, ConfigSchema.Timer> timers = new HashMap<>();
    private final Map<String, ConfigItem> items;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    private PatchValidator(ConfigSchema schema, int revision) {
        this.revision = revision;
        this.items = ConfigItem.of(schema);
        // Keys are UUIDs: match them whatever the casing the pipeline used.
        schema.settings().forEach(s -> settings.put(normal(s.key()), s));
        schema.timers().forEach(t -> timers.put(normal(t.key()), t));
    }

    static List<Change> validate(ConfigSchema schema, int revision, ApplicationConfigPatch body) {
        PatchValidator v = new PatchValidator(schema, revision);
        v.settings(body.settings());
        v.timers(body.timers());
        v.unsupported("integration", body.integrations());
        v.unsupported("library", body.libraries());
        v.unsupported("system configuration", body.systemConfigurations());
        if (!v.problems.isEmpty()) {
            String detail = v.problems.size() == 1 ? v.problems.get(0)
                    : "The configuration change was refused; nothing was stored (" + v.problems.size()
                    + " problems): " + String.join(" ", v.problems);
            throw new ApiException(ErrorCode.VALIDATION_FAILED, detail, v.problems);
        }
        return v.changes;
    }

    private void settings(List<GenericConfigPatch> patches) {
        if (patches == null) {
            return;
        }
        for (int i = 0; i < patches.size(); i++) {
            GenericConfigPatch p = patches.get(i);
            if (p == null || blank(p.key())) {
                problems.add("settings[" + i + "].key is required.");
                continue;
            }
            ConfigSchema.Setting setting = settings.get(normal(p.key()));
            if (setting == null) {
                problems.add("The setting '" + p.key() + "' does not exist in revision " + revision + ".");
                continue;
            }
            ConfigItem item = items.get(ConfigItem.settingPath(setting.key()));
            check(item, "The setting '" + p.key() + "' (" + setting.name() + ")", p);
        }
    }

    private void timers(List<TimerPatch> patches) {
        if (patches == null) {
            return;
        }
        for (int i = 0; i < patches.size(); i++) {
            TimerPatch t = patches.get(i);
            if (t == null || blank(t.key())) {
                problems.add("timers[" + i + "].key is required.");
                continue;
            }
            ConfigSchema.Timer timer = timers.get(normal(t.key()));
            if (timer == null) {
                problems.add("The timer '" + t.key() + "' does not exist in revision " + revision + ".");
                continue;
            }
            List<GenericConfigPatch> configs = t.configs() == null ? List.of() : t.configs();
            for (int j = 0; j < configs.size(); j++) {
                GenericConfigPatch c = configs.get(j);
                if (c == null || blank(c.key())) {
                    problems.add("timers[" + i + "].configs[" + j + "].key is required (IsActive or Schedule).");
                    continue;
                }
                Optional<String> config = timerConfig(c.key());
                if (config.isEmpty()) {
                    problems.add("The timer '" + t.key() + "' has no config '" + c.key()
                            + "'; use IsActive or Schedule.");
                    continue;
                }
                ConfigItem item = items.get(ConfigItem.timerPath(timer.key(), config.get()));
                check(item, "The config '" + config.get() + "' of timer '" + t.key() + "'", c);
            }
        }
    }

    private void check(ConfigItem item, String subject, GenericConfigPatch p) {
        if (!seen.add(item.path())) {
            problems.add(subject + " appears more than once in the request.");
            return;
        }
        Optional<String> expected = ValueRules.problem(item.dataType(), p.value(), p.filename());
        if (expected.isPresent()) {
            // A secret's rejected value is not echoed back: error bodies end up in CI logs.
            String got = p.value() == null ? "null" : item.secret() ? "a value that is not one" : quote(p.value());
            problems.add(subject + " expects " + expected.get() + ", got " + got + ".");
            return;
        }
        if (p.filename() != null && p.filename().length() > ValueRules.MAX_FILENAME_LENGTH) {
            problems.add(subject + " has a filename longer than " + ValueRules.MAX_FILENAME_LENGTH + " characters.");
            return;
        }
        String filename = item.dataType() == DataType.BinaryUrl ? p.filename() : null;
        changes.add(new Change(item, ValueRules.canonical(item.dataType(), p.value()), filename));
    }

    private void unsupported(String kind, List<JsonNode> entries) {
        if (entries == null) {
            return;
        }
        for (JsonNode entry : entries) {
            JsonNode key = entry == null ? null : entry.get("key");
            String name = key == null || key.isNull() ? "(without a key)" : "'" + key.asString() + "'";
            problems.add("The " + kind + " " + name + " does not exist in revision " + revision
                    + "; Stageport schemas declare no " + kind + " configurations.");
        }
    }

    private static Optional<String> timerConfig(String key) {
        if (key.equalsIgnoreCase(ConfigSchema.TIMER_IS_ACTIVE)) {
            return Optional.of(ConfigSchema.TIMER_IS_ACTIVE);
        }
        if (key.equalsIgnoreCase(ConfigSchema.TIMER_SCHEDULE)) {
            return Optional.of(ConfigSchema.TIMER_SCHEDULE);
        }
        return Optional.empty();
    }

    private static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String normal(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
