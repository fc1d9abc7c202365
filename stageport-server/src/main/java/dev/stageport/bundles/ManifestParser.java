package dev.stageport.bundles;

import dev.stageport.configurations.ConfigSchema;
import dev.stageport.configurations.DataType;
import dev.stageport.configurations.ValueRules;
import dev.stageport.runtime.RunSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns manifest.json into a {@link Bundle}, collecting every problem rather than
 * stopping at the first: a tree walk instead of data binding, because binding
 * gives up on the first mismatch. Unknown fields are problems too, so a typo such
 * as "setings" does not silently drop a section.
 */
final class ManifestParser {

    static final int FORMAT_VERSION = 1;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> TOP = Set.of("formatVersion", "assetKey", "name", "type", "description",
            "commitMessage", "configuration", "run");
    private static final Set<String> CONFIGURATION = Set.of("settings", "timers", "integrations", "libraries");
    private static final Set<String> SETTING = Set.of("key", "name", "description", "dataType", "defaultValue",
            "isSecret");
    private static final Set<String> TIMER = Set.of("key", "name", "description", "schedule", "isActive");
    private static final Set<String> INTEGRATION = Set.of("key", "name", "pluginType", "configs");
    private static final Set<String> LIBRARY = Set.of("assetKey", "revision", "tag");
    private static final Set<String> RUN = Set.of("command", "portVariable", "healthPath");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<String> problems = new ArrayList<>();

    private ManifestParser() {
    }

    /**
     * The bundle as far as it could be read (null when the JSON itself is broken);
     * it is only valid when {@code problems} is still empty.
     */
    static Bundle parse(byte[] manifest, List<String> files, List<String> problems) {
        ManifestParser parser = new ManifestParser();
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JacksonException e) {
            problems.add("manifest.json is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add("manifest.json must hold a JSON object.");
            return null;
        }
        Bundle bundle = parser.bundle(root, files);
        problems.addAll(parser.problems);
        return bundle;
    }

    private Bundle bundle(JsonNode root, List<String> files) {
        unknownFields(root, TOP, "manifest");
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
            problems.add("'formatVersion' must be " + FORMAT_VERSION + ".");
        }
        String assetKey = uuid(root, "assetKey", "manifest");
        String name = text(root, "name", "manifest", true);
        String type = text(root, "type", "manifest", true);
        if (type != null && !Bundle.TYPES.contains(type)) {
            problems.add("'type' must be one of " + sorted(Bundle.TYPES) + ", got '" + type + "'.");
        }
        String description = text(root, "description", "manifest", false);
        String commitMessage = text(root, "commitMessage", "manifest", false);
        JsonNode configuration = object(root, "configuration", "manifest");
        unknownFields(configuration, CONFIGURATION, "configuration");
        List<ConfigSchema.Setting> settings = settings(configuration, "settings", "configuration.settings");
        List<ConfigSchema.Timer> timers = timers(configuration);
        List<ConfigSchema.Integration> integrations = integrations(configuration);
        List<Bundle.LibraryReference> libraries = libraries(configuration);
        RunSpec run = run(root, type);
        return new Bundle(FORMAT_VERSION, assetKey, name, type, description, commitMessage,
                new ConfigSchema(settings, timers, integrations, List.of()), libraries, run, files);
    }

    private List<ConfigSchema.Setting> settings(JsonNode parent, String field, String where) {
        List<ConfigSchema.Setting> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        forEachObject(parent, field, where, SETTING, (item, at) -> {
            String key = key(item, at, keys, where);
            String name = text(item, "name", at, false);
            String description = text(item, "description", at, false);
            String typeName = text(item, "dataType", at, true);
            DataType dataType = null;
            if (typeName != null) {
                try {
                    dataType = DataType.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".dataType '" + typeName + "' is not one of "
                            + Arrays.toString(DataType.values()) + ".");
                }
            }
            String defaultValue = scalar(item, "defaultValue", at);
            if (dataType != null && defaultValue != null) {
                // a bundle cannot carry a file name for a BinaryUrl default, so any name passes here
                ValueRules.problem(dataType, defaultValue, "default").ifPresent(expected ->
                        problems.add(at + ".defaultValue does not fit dataType " + typeName + ": it expects "
                                + expected + "."));
            }
            boolean secret = bool(item, "isSecret", at, false);
            out.add(new ConfigSchema.Setting(key, name == null ? key : name, description, dataType, defaultValue,
                    secret));
        });
        return out;
    }

    private List<ConfigSchema.Timer> timers(JsonNode configuration) {
        List<ConfigSchema.Timer> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        forEachObject(configuration, "timers", "configuration.timers", TIMER, (item, at) -> {
            String key = key(item, at, keys, "configuration.timers");
            String name = text(item, "name", at, false);
            String schedule = text(item, "schedule", at, true);
            out.add(new ConfigSchema.Timer(key, name == null ? key : name, text(item, "description", at, false),
                    schedule, bool(item, "isActive", at, true)));
        });
        return out;
    }

    private List<ConfigSchema.Integration> integrations(JsonNode configuration) {
        List<ConfigSchema.Integration> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        forEachObject(configuration, "integrations", "configuration.integrations", INTEGRATION, (item, at) -> {
            String key = key(item, at, keys, "configuration.integrations");
            String name = text(item, "name", at, false);
            String pluginType = text(item, "pluginType", at, true);
            out.add(new ConfigSchema.Integration(key, name == null ? key : name, pluginType,
                    settings(item, "configs", at + ".configs")));
        });
        return out;
    }

    private List<Bundle.LibraryReference> libraries(JsonNode configuration) {
        List<Bundle.LibraryReference> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        forEachObject(configuration, "libraries", "configuration.libraries", LIBRARY, (item, at) -> {
            String assetKey = uuid(item, "assetKey", at);
            JsonNode revision = item.get("revision");
            String tag = text(item, "tag", at, false);
            Integer number = null;
            if (revision != null && !revision.isNull()) {
                if (revision.isInt() && revision.intValue() >= 1) {
                    number = revision.intValue();
                } else {
                    problems.add(at + ".revision must be a whole number of at least 1.");
                }
            }
            boolean hasRevision = revision != null && !revision.isNull();
            if (hasRevision == (tag != null)) {
                problems.add(at + " must name exactly one of 'revision' or 'tag'.");
            }
            if (assetKey != null && !seen.add(assetKey)) {
                problems.add(at + " references library " + assetKey + " a second time.");
            }
            out.add(new Bundle.LibraryReference(assetKey, number, tag));
        });
        return out;
    }

    private RunSpec run(JsonNode root, String type) {
        JsonNode run = root.get("run");
        boolean present = run != null && !run.isNull();
        if (Bundle.LIBRARY_TYPE.equals(type)) {
            if (present) {
                problems.add("A LowCodeLibrary bundle has no 'run' section; only apps are run.");
            }
            return null;
        }
        if (!present) {
            if (type != null && Bundle.APP_TYPES.contains(type)) {
                problems.add("An app bundle needs a 'run' section with the command that starts it.");
            }
            return null;
        }
        if (!run.isObject()) {
            problems.add("'run' must be an object.");
            return null;
        }
        unknownFields(run, RUN, "run");
        List<String> command = new ArrayList<>();
        JsonNode commandNode = run.get("command");
        if (commandNode == null || !commandNode.isArray() || commandNode.isEmpty()) {
            problems.add("run.command must be a non-empty array of strings.");
        } else {
            for (JsonNode part : commandNode) {
                if (!part.isString() || part.asString().isEmpty()) {
                    problems.add("run.command must hold only non-empty strings.");
                    break;
                }
                command.add(part.asString());
            }
        }
        String portVariable = text(run, "portVariable", "run", false);
        if (portVariable != null && !portVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add("run.portVariable must be an environment variable name, got '" + portVariable + "'.");
        }
        String healthPath = text(run, "healthPath", "run", false);
        if (healthPath != null && !healthPath.startsWith("/")) {
            problems.add("run.healthPath must start with '/'.");
        }
        return new RunSpec(command, portVariable, healthPath);
    }

    private String key(JsonNode item, String at, Set<String> seen, String where) {
        String key = text(item, "key", at, true);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            problems.add(at + ".key '" + key + "' must start with a letter or '_' and hold at most 100 letters,"
                    + " digits, '_', '.' or '-'.");
        }
        if (!seen.add(key.toLowerCase())) {
            problems.add(where + " has the key '" + key + "' more than once (keys are case-insensitive).");
        }
        return key;
    }

    private String uuid(JsonNode node, String field, String at) {
        String value = text(node, field, at, true);
        if (value == null) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equalsIgnoreCase(value)) {
                return uuid.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(at + "." + field + " must be a UUID, got '" + value + "'.");
        return null;
    }

    private String text(JsonNode node, String field, String at, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at + "." + field + " is required.");
            }
            return null;
        }
        if (!value.isString() || (required && value.asString().isBlank())) {
            problems.add(at + "." + field + " must be " + (required ? "a non-empty string." : "a string."));
            return null;
        }
        return value.asString();
    }

    /** Default values may be written as JSON numbers or booleans; they are stored as text. */
    private String scalar(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        problems.add(at + "." + field + " must be a string, number or boolean.");
        return null;
    }

    private boolean bool(JsonNode node, String field, String at, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(at + "." + field + " must be true or false.");
            return fallback;
        }
        return value.booleanValue();
    }

    private JsonNode object(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JSON.createObjectNode();
        }
        if (!value.isObject()) {
            problems.add(at + "." + field + " must be an object.");
            return JSON.createObjectNode();
        }
        return value;
    }

    /** Calls {@code each} with every object of the array {@code field} and its position, e.g. "x.timers[2]". */
    private void forEachObject(JsonNode node, String field, String where, Set<String> known,
                               BiConsumer<JsonNode, String> each) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            problems.add(where + " must be an array.");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = where + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(at + " must be an object.");
                continue;
            }
            unknownFields(item, known, at);
            each.accept(item, at);
        }
    }

    private void unknownFields(JsonNode node, Set<String> known, String at) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(at + " has an unknown field '" + name + "'; expected " + sorted(known) + ".");
            }
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
