package dev.stageport.configurations;

import java.time.Instant;
import java.util.List;

/**
 * Response of the GET configuration endpoints. A section the caller did not ask
 * for (query {@code fields}) is null and therefore left out of the JSON.
 * Integrations and libraries are always empty: Stageport schemas declare none.
 */
public record ApplicationConfigResult(
        String key,
        String name,
        Integer revisionBaseline,
        Integer revisionDeployed,
        List<GenericConfigResult> settings,
        List<TimerResult> timers,
        List<Object> integrations,
        List<Object> libraries,
        Instant deployedAt,
        List<GenericConfigResult> systemConfigurations) {
}
