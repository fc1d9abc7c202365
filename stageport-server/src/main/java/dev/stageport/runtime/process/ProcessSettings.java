package dev.stageport.runtime.process;

import dev.stageport.runtime.ReplicaIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process stage's settings ({@code environment.runtime_settings}). Every field is
 * optional; unknown fields are refused so a typo does not silently fall back to a default.
 *
 * @param healthTimeout how long a new instance may take to answer its health path with 2xx
 * @param drain         how long connections to a replaced instance may finish before it is stopped
 * @param logMaxBytes   the size at which an instance's log file is rotated (two files kept)
 * @param maxRestarts   crash restarts since the last activation before the instance is left Crashed
 */
public record ProcessSettings(Duration healthTimeout, Duration drain, long logMaxBytes, int maxRestarts) {

    public static final ProcessSettings DEFAULTS = new ProcessSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
            1024 * 1024, 5);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, long[]> RANGES = Map.of(
            "healthTimeoutSeconds", new long[] {1, 600},
            "drainMillis", new long[] {0, 60_000},
            "logMaxBytes", new long[] {1024, 100L * 1024 * 1024},
            "maxRestarts", new long[] {0, 100});
    /** Keys another driver's settings carry that a stage may keep when it moves to this driver. */
    private static final Set<String> TOLERATED = Set.of("stepMillis");
    /** The replica that runs the stage's apps (see docs/replicas.md); not a tuning value. */
    public static final String REPLICA = "replica";

    /**
     * Reads and checks settings JSON (null or blank means all defaults).
     *
     * @throws IllegalArgumentException naming every problem
     */
    public static ProcessSettings parse(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULTS;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the settings are not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the settings must be a JSON object.");
        }
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(REPLICA)) {
                if (!(field.getValue().isString() && ReplicaIdentity.valid(field.getValue().asString()))) {
                    problems.append("'replica' must be a replica id (").append(ReplicaIdentity.RULE).append("), got ")
                            .append(field.getValue()).append(". ");
                }
                continue;
            }
            long[] range = RANGES.get(field.getKey());
            if (range == null) {
                if (!TOLERATED.contains(field.getKey())) {
                    problems.append("unknown setting '").append(field.getKey()).append("' (known: ")
                            .append(new java.util.TreeSet<>(RANGES.keySet())).append("). ");
                }
                continue;
            }
            JsonNode value = field.getValue();
            if (!value.isIntegralNumber() || value.asLong() < range[0] || value.asLong() > range[1]) {
                problems.append("'").append(field.getKey()).append("' must be a whole number from ").append(range[0])
                        .append(" to ").append(range[1]).append(", got ").append(value).append(". ");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString().trim());
        }
        return new ProcessSettings(
                Duration.ofSeconds(root.path("healthTimeoutSeconds").asLong(DEFAULTS.healthTimeout.toSeconds())),
                Duration.ofMillis(root.path("drainMillis").asLong(DEFAULTS.drain.toMillis())),
                root.path("logMaxBytes").asLong(DEFAULTS.logMaxBytes),
                root.path("maxRestarts").asInt(DEFAULTS.maxRestarts));
    }

    /** The replica the settings name, if any (settings that do not parse name none). */
    public static java.util.Optional<String> replica(String json) {
        try {
            JsonNode value = json == null || json.isBlank() ? null : JSON.readTree(json).get(REPLICA);
            return value != null && value.isString() && ReplicaIdentity.valid(value.asString())
                    ? java.util.Optional.of(value.asString()) : java.util.Optional.empty();
        } catch (JacksonException e) {
            return java.util.Optional.empty();
        }
    }

    /** Settings that were valid when saved; a stage row edited by hand falls back to the defaults. */
    static ProcessSettings lenient(String json) {
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            return DEFAULTS;
        }
    }
}
