package dev.stageport.configurations;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of PATCH .../applications/{applicationKey}/configurations, and of the agent
 * variant (where systemConfigurations must stay empty).
 * {@code revisionBaseline} is kept as a JSON node because the schema says integer
 * while the ODC docs send a string ("2"); both must work.
 */
public record ApplicationConfigPatch(
        String key,
        JsonNode revisionBaseline,
        List<GenericConfigPatch> settings,
        List<TimerPatch> timers,
        List<IntegrationPatch> integrations,
        List<LibraryConfigPatch> libraries,
        List<GenericConfigPatch> systemConfigurations) {
}
