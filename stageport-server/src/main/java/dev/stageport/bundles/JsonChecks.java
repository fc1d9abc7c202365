package dev.stageport.bundles;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field checks on a manifest's JSON tree that record a problem and carry on, so
 * one pass finds everything that is wrong; shared by {@link ManifestParser} and
 * {@link ConfigSectionParser}.
 */
final class JsonChecks {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<String> problems;

    JsonChecks(List<String> problems) {
        this.problems = problems;
    }

    void add(String problem) {
        problems.add(problem);
    }

    void tooLong(String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field + " may hold at most " + max + " characters.");
        }
    }

    String key(JsonNode item, String at, Set<String> seen, String where) {
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

    String uuid(JsonNode node, String field, String at) {
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

    String text(JsonNode node, String field, String at, boolean required) {
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
    String scalar(JsonNode node, String field, String at) {
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

    boolean bool(JsonNode node, String field, String at, boolean fallback) {
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

    JsonNode object(JsonNode node, String field, String at) {
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
    void forEachObject(JsonNode node, String field, String where, Set<String> known,
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

    void unknownFields(JsonNode node, Set<String> known, String at) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(at + " has an unknown field '" + name + "'; expected " + sorted(known) + ".");
            }
        }
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
