package dev.stageport.configurations;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The effective configuration a deployment applied, kept with the deployed asset:
 * {@code {"<item path>": {"value": ..., "secret": bool, "origin": "...", "filename": ...}}}.
 * Secret values are sealed text (SecretCipher), never clear.
 */
final class ConfigSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Entry(String value, boolean secret, String origin, String filename) {
    }

    private ConfigSnapshot() {
    }

    static String write(Map<String, Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        entries.forEach((path, e) -> {
            ObjectNode node = root.putObject(path);
            if (e.value() == null) {
                node.putNull("value");
            } else {
                node.put("value", e.value());
            }
            node.put("secret", e.secret());
            node.put("origin", e.origin());
            if (e.filename() != null) {
                node.put("filename", e.filename());
            }
        });
        return JSON.writeValueAsString(root);
    }

    /**
     * Reads a snapshot back. Lenient on purpose: a missing, empty or foreign snapshot
     * means "no deployed values known" rather than an error on a GET.
     */
    static Map<String, Entry> parse(String json) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return entries;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return entries;
        }
        if (root == null || !root.isObject()) {
            return entries;
        }
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            JsonNode node = p.getValue();
            if (!node.isObject()) {
                continue;
            }
            entries.put(p.getKey(), new Entry(text(node.get("value")), node.path("secret").asBoolean(false),
                    text(node.get("origin")), text(node.get("filename"))));
        }
        return entries;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
