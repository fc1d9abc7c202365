package dev.stageport.runtime;

import tools.jackson.databind.JsonNode;

/**
 * A stage's runtime as the Stageport extension shows and takes it:
 * the driver's name and its settings object (driver-specific, validated by the driver).
 */
public record StageRuntime(String environmentKey, String driver, JsonNode settings) {
}
