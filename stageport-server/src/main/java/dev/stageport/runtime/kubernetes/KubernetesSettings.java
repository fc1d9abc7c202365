package dev.stageport.runtime.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stage's settings for the Kubernetes driver, parsed strictly from the stage's
 * runtimeSettings JSON: an unknown key or a bad value is refused with every problem
 * named, so a typo cannot silently fall back to a default.
 */
public record KubernetesSettings(
        String namespace,
        String image,
        String initImage,
        String stageportUrl,
        String credentialsSecret,
        int rolloutTimeoutSeconds,
        int replicas,
        int containerPort,
        String kubeconfig,
        String context) {

    public static final String DEFAULT_IMAGE = "eclipse-temurin:17-jre";
    public static final String DEFAULT_INIT_IMAGE = "busybox:1.36";
    public static final String DEFAULT_CREDENTIALS_SECRET = "stageport-artifact-reader";
    public static final int DEFAULT_TIMEOUT = 120;
    public static final int MAX_TIMEOUT = 3600;
    public static final int MAX_REPLICAS = 50;

    static final Set<String> KEYS = Set.of("namespace", "image", "initImage", "stageportUrl", "credentialsSecret",
            "rolloutTimeoutSeconds", "replicas", "containerPort", "kubeconfig", "context");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // RFC 1123 label, as Kubernetes requires for namespace and Secret names we refer to
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    /** @throws IllegalArgumentException naming every problem in the settings */
    public static KubernetesSettings parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The Kubernetes runtime settings are not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The Kubernetes runtime settings must be a JSON object.");
        }
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            if (!KEYS.contains(p.getKey())) {
                unknown.add(p.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown keys " + unknown + " (allowed: " + new TreeSet<>(KEYS) + ")");
        }
        Reader r = new Reader(root, problems);
        String namespace = r.text("namespace", null);
        if (namespace == null) {
            problems.add("'namespace' is required");
        } else if (namespace.length() > 63 || !namespace.matches(DNS_LABEL)) {
            problems.add("'namespace' must be a Kubernetes namespace name (lower-case letters, digits and '-', "
                    + "at most 63 characters), got '" + namespace + "'");
        }
        String stageportUrl = r.text("stageportUrl", null);
        if (stageportUrl == null) {
            problems.add("'stageportUrl' is required: the URL at which pods reach this server to download the "
                    + "build artifact");
        } else if (!isHttpUrl(stageportUrl)) {
            problems.add("'stageportUrl' must be an http or https URL, got '" + stageportUrl + "'");
        }
        String secret = r.text("credentialsSecret", DEFAULT_CREDENTIALS_SECRET);
        if (secret.length() > 63 || !secret.matches(DNS_LABEL)) {
            problems.add("'credentialsSecret' must be a Kubernetes Secret name, got '" + secret + "'");
        }
        KubernetesSettings settings = new KubernetesSettings(namespace,
                r.text("image", DEFAULT_IMAGE), r.text("initImage", DEFAULT_INIT_IMAGE), stageportUrl, secret,
                r.integer("rolloutTimeoutSeconds", DEFAULT_TIMEOUT, 1, MAX_TIMEOUT),
                r.integer("replicas", 1, 1, MAX_REPLICAS),
                r.integer("containerPort", 8080, 1024, 65535),
                r.text("kubeconfig", null), r.text("context", null));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Kubernetes runtime settings: " + String.join("; ", problems)
                    + ".");
        }
        return settings;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads typed values and collects a problem for each one of the wrong type or range. */
    private record Reader(JsonNode root, List<String> problems) {

        String text(String key, String fallback) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isString() || node.asString().isBlank()) {
                problems.add("'" + key + "' must be a non-empty string");
                return fallback;
            }
            return node.asString().trim();
        }

        int integer(String key, int fallback, int min, int max) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
                problems.add("'" + key + "' must be a whole number from " + min + " to " + max + ", got " + node);
                return fallback;
            }
            return node.asInt();
        }
    }
}
