package dev.stageport.runtime.process;

import dev.stageport.secrets.SecretCipher;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a deployment's configuration snapshot ({@code {"<item path>": {"value", "secret", ...}}},
 * secrets sealed) into what an app process gets: environment variables, with secrets
 * unsealed only here in memory, and a JSON document without any secret value.
 * See docs/runtimes.md for the naming scheme.
 */
final class ConfigEnvironment {

    static final String PREFIX = "STAGEPORT_";
    static final String SETTING_PREFIX = PREFIX + "SETTING_";
    static final String SECRET_PREFIX = PREFIX + "SECRET_";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SECTIONS = Map.of(
            "settings", "SETTING", "timers", "TIMER", "integrations", "INTEGRATION",
            "libraries", "LIBRARY", "systemConfigurations", "SYSTEM");

    private final Map<String, String> variables;
    private final String documentJson;

    private ConfigEnvironment(Map<String, String> variables, String documentJson) {
        this.variables = variables;
        this.documentJson = documentJson;
    }

    /** The variables to add to the process environment (secrets in clear; never written anywhere). */
    Map<String, String> variables() {
        return variables;
    }

    /** {@code {"values": {path: value}, "secrets": [path...]}} with no secret value in it. */
    String documentJson() {
        return documentJson;
    }

    static ConfigEnvironment from(String snapshotJson, SecretCipher cipher) {
        Map<String, String> variables = new LinkedHashMap<>();
        ObjectNode document = JSON.createObjectNode();
        ObjectNode values = document.putObject("values");
        ArrayNode secrets = document.putArray("secrets");
        for (Map.Entry<String, JsonNode> item : entries(snapshotJson).entrySet()) {
            String path = item.getKey();
            JsonNode node = item.getValue();
            boolean secret = node.path("secret").asBoolean(false);
            JsonNode raw = node.get("value");
            String value = raw == null || raw.isNull() ? null : raw.asString();
            String name = variableName(path);
            if (secret) {
                secrets.add(path);
                if (value != null && name != null) {
                    variables.putIfAbsent(name, unseal(cipher, value, path));
                    variables.put(secretFlag(name), "1");
                }
                continue;
            }
            if (value == null) {
                values.putNull(path);
            } else {
                values.put(path, value);
                if (name != null) {
                    variables.putIfAbsent(name, value);
                }
            }
        }
        return new ConfigEnvironment(Map.copyOf(variables), JSON.writeValueAsString(document));
    }

    /**
     * {@code settings/GreetingText} → {@code STAGEPORT_SETTING_GREETINGTEXT};
     * {@code libraries/<uuid>/settings/K} → {@code STAGEPORT_LIBRARY_<UUID>_SETTING_K}; null for a foreign path.
     */
    static String variableName(String path) {
        String[] parts = path.split("/");
        String section = SECTIONS.get(parts[0]);
        if (section == null || parts.length < 2) {
            return null;
        }
        StringBuilder name = new StringBuilder(PREFIX).append(section);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (parts[0].equals("libraries") && i == 2) {
                part = SECTIONS.getOrDefault(part, part); // settings → SETTING inside a library too
            }
            name.append('_').append(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return name.toString();
    }

    /** STAGEPORT_SETTING_TOKEN → STAGEPORT_SECRET_TOKEN; STAGEPORT_INTEGRATION_X_KEY → STAGEPORT_SECRET_INTEGRATION_X_KEY. */
    static String secretFlag(String variable) {
        String rest = variable.startsWith(SETTING_PREFIX) ? variable.substring(SETTING_PREFIX.length())
                : variable.substring(PREFIX.length());
        return SECRET_PREFIX + rest;
    }

    private static String unseal(SecretCipher cipher, String sealed, String path) {
        try {
            return cipher.decryptText(sealed);
        } catch (RuntimeException e) {
            throw new dev.stageport.runtime.RuntimeFailure("The secret " + path
                    + " cannot be decrypted by this server (was the master key changed?).");
        }
    }

    private static Map<String, JsonNode> entries(String snapshotJson) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (snapshotJson == null || snapshotJson.isBlank()) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(snapshotJson);
            if (root != null && root.isObject()) {
                root.properties().forEach(e -> {
                    if (e.getValue().isObject()) {
                        out.put(e.getKey(), e.getValue());
                    }
                });
            }
        } catch (JacksonException e) {
            throw new dev.stageport.runtime.RuntimeFailure("The resolved configuration could not be read.");
        }
        return out;
    }
}
