package dev.stageport.configurations;

import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.configschema.ValueRules;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every key and value of a PATCH against the baseline revision's model
 * (its schema, its libraries and, for apps, the system catalog) and collects every
 * finding before refusing, so a pipeline fixes its request in one go. Returns the
 * changes only when the whole request is valid (all-or-nothing).
 */
final class PatchValidator {

    /** One value to store: the item it targets and the value in its canonical form. */
    record Change(ConfigItem item, String value, String filename) {
    }

    private final int revision;
    private final ConfigModel model;
    /** Items by lower-cased path: keys are UUIDs, matched whatever casing the pipeline used. */
    private final Map<String, ConfigItem> items = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    private PatchValidator(ConfigModel model, int revision) {
        this.revision = revision;
        this.model = model;
        model.items().values().forEach(i -> items.put(normal(i.path()), i));
    }

    static List<Change> validate(ConfigModel model, int revision, ApplicationConfigPatch body) {
        PatchValidator v = new PatchValidator(model, revision);
        v.generic(body.settings(), "settings", "", "setting");
        v.timers(body.timers());
        v.integrations(body.integrations(), "integrations", "");
        v.libraries(body.libraries());
        if (model.systemConfigurations()) {
            v.generic(body.systemConfigurations(), "systemConfigurations", "", "system configuration");
        } else if (body.systemConfigurations() != null && !body.systemConfigurations().isEmpty()) {
            v.problems.add("Agents have no system configurations; leave 'systemConfigurations' out.");
        }
        fail(v.problems);
        return v.changes;
    }

    static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            String detail = problems.size() == 1 ? problems.get(0)
                    : "The configuration change was refused; nothing was stored (" + problems.size()
                    + " problems): " + String.join(" ", problems);
            throw new ApiException(ErrorCode.VALIDATION_FAILED, detail, problems);
        }
    }

    /** Settings or system configurations: {@code <prefix><section>/<key>}. */
    private void generic(List<GenericConfigPatch> patches, String section, String prefix, String kind) {
        if (patches == null) {
            return;
        }
        for (int i = 0; i < patches.size(); i++) {
            GenericConfigPatch p = patches.get(i);
            if (p == null || blank(p.key())) {
                problems.add(prefix + section + "[" + i + "].key is required.");
                continue;
            }
            ConfigItem item = items.get(normal(prefix + section + "/" + p.key()));
            if (item == null) {
                problems.add("The " + kind + " '" + p.key() + "' does not exist in " + where(prefix) + ".");
                continue;
            }
            check(item, "The " + kind + " '" + p.key() + "' (" + item.name() + ")", p);
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
            if (!items.containsKey(normal(ConfigItem.timerPath(t.key(), ConfigSchema.TIMER_IS_ACTIVE)))) {
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
                ConfigItem item = items.get(normal(ConfigItem.timerPath(t.key(), c.key())));
                if (item == null) {
                    problems.add("The timer '" + t.key() + "' has no config '" + c.key()
                            + "'; use IsActive or Schedule.");
                    continue;
                }
                check(item, "The config '" + item.key() + "' of timer '" + t.key() + "'", c);
            }
        }
    }

    private void integrations(List<IntegrationPatch> patches, String section, String prefix) {
        if (patches == null) {
            return;
        }
        for (int i = 0; i < patches.size(); i++) {
            IntegrationPatch integration = patches.get(i);
            if (integration == null || blank(integration.key())) {
                problems.add(prefix + section + "[" + i + "].key is required.");
                continue;
            }
            String base = normal(prefix + section + "/" + integration.key() + "/");
            if (items.keySet().stream().noneMatch(path -> path.startsWith(base))) {
                problems.add("The integration '" + integration.key() + "' does not exist in " + where(prefix)
                        + ".");
                continue;
            }
            List<GenericConfigPatch> configs = integration.configs() == null ? List.of() : integration.configs();
            for (int j = 0; j < configs.size(); j++) {
                GenericConfigPatch c = configs.get(j);
                if (c == null || blank(c.key())) {
                    problems.add(prefix + section + "[" + i + "].configs[" + j + "].key is required.");
                    continue;
                }
                ConfigItem item = items.get(base + normal(c.key()));
                if (item == null) {
                    problems.add("The integration '" + integration.key() + "' has no config '" + c.key() + "'.");
                    continue;
                }
                check(item, "The config '" + c.key() + "' of integration '" + integration.key() + "'", c);
            }
        }
    }

    private void libraries(List<LibraryConfigPatch> patches) {
        if (patches == null) {
            return;
        }
        for (int i = 0; i < patches.size(); i++) {
            LibraryConfigPatch lib = patches.get(i);
            if (lib == null || blank(lib.key())) {
                problems.add("libraries[" + i + "].key is required.");
                continue;
            }
            Optional<ConfigModel.Library> ref = model.libraries().stream()
                    .filter(l -> normal(l.key()).equals(normal(lib.key()))).findFirst();
            if (ref.isEmpty()) {
                problems.add("The library '" + lib.key() + "' is not referenced by revision " + revision + ".");
                continue;
            }
            if (lib.revision() != null && lib.revision() != ref.get().revision()) {
                problems.add("The library '" + lib.key() + "' revision " + lib.revision() + " is not the one revision "
                        + revision + " references (" + ref.get().revision() + ").");
                continue;
            }
            if (lib.systemConfigurations() != null && !lib.systemConfigurations().isEmpty()) {
                problems.add("The library '" + lib.key() + "' has no system configurations of its own; "
                        + "set them on the app.");
            }
            String prefix = "libraries/" + ref.get().key() + "/";
            generic(lib.settings(), "settings", prefix, "setting");
            integrations(lib.integrations(), "integrations", prefix);
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

    private String where(String prefix) {
        if (prefix.isEmpty()) {
            return "revision " + revision;
        }
        String lib = prefix.substring("libraries/".length(), prefix.length() - 1);
        return "the library " + lib + " as revision " + revision + " references it";
    }

    private static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String normal(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
