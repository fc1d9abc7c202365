package dev.stageport.configurations;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of PATCH .../applications/{applicationKey}/configurations.
 * {@code revisionBaseline} is kept as a JSON node because the schema says integer
 * while the ODC docs send a string ("2"); both must work. Integrations, libraries
 * and system configurations are read loosely: Stageport schemas declare none, so
 * any key sent there is reported as unknown rather than silently dropped.
 */
public record ApplicationConfigPatch(
        String key,
        JsonNode revisionBaseline,
        List<GenericConfigPatch> settings,
        List<TimerPatch> timers,
        List<JsonNode> integrations,
        List<JsonNode> libraries,
        List<JsonNode> systemConfigurations) {
}
