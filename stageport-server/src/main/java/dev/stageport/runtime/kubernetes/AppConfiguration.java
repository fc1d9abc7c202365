package dev.stageport.runtime.kubernetes;

import dev.stageport.secrets.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An operation's effective configuration split the way the pod receives it:
 * {@code plainEnv} and {@code configJson} go into the ConfigMap, {@code secretEnv}
 * (decrypted values) only into the Secret. The JSON file lists every item but carries
 * no secret value, only {@code "secret": true}.
 */
record AppConfiguration(Map<String, String> plainEnv, Map<String, String> secretEnv, String configJson,
                        String hash) {

    static final String SETTING_PREFIX = "STAGEPORT_SETTING_";
    static final String SECRET_FLAG_PREFIX = "STAGEPORT_SECRET_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AppConfiguration from(String snapshotJson, SecretCipher cipher) {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        Map<String, String> sealed = new TreeMap<>();
        ObjectNode file = JSON.createObjectNode();
        JsonNode root = read(snapshotJson);
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            String path = p.getKey();
            JsonNode item = p.getValue();
            boolean isSecret = item.path("secret").asBoolean(false);
            JsonNode value = item.get("value");
            String text = value == null || value.isNull() ? null : value.asString();
            ObjectNode entry = file.putObject(path);
            entry.put("secret", isSecret);
            if (!isSecret) {
                entry.put("value", text);
            }
            if (!path.startsWith("settings/") || text == null) {
                continue;
            }
            String name = SETTING_PREFIX + envName(path.substring("settings/".length()));
            if (isSecret) {
                secret.put(name, cipher.decryptText(text));
                sealed.put(name, text);
            } else {
                plain.put(name, text);
            }
        }
        String configJson = JSON.writeValueAsString(file);
        return new AppConfiguration(Map.copyOf(plain), Map.copyOf(secret), configJson,
                hash(plain.toString(), sealed.toString(), configJson));
    }

    /** Upper case, anything but letters, digits and '_' becomes '_' (a valid environment variable name). */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /**
     * A short digest of everything the pod receives; it names the ConfigMap and Secret, so a
     * changed value means new objects and a new rollout. Secrets enter it in their sealed
     * form (random per encryption), so the published name reveals nothing about a secret's
     * clear value; the cost is that re-applying an unchanged secret still rolls the pods.
     */
    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            JsonNode root = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return root != null && root.isObject() ? root : JSON.createObjectNode();
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
