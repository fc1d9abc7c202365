package dev.stageport.configurations;

import java.time.Instant;
import java.util.List;

/**
 * Response of the GET configuration endpoints. A section the caller did not ask
 * for (query {@code fields}) is null and therefore left out of the JSON.
 */
public record ApplicationConfigResult(
        String key,
        String name,
        Integer revisionBaseline,
        Integer revisionDeployed,
        List<GenericConfigResult> settings,
        List<TimerResult> timers,
        List<IntegrationResult> integrations,
        List<LibraryConfigResult> libraries,
        Instant deployedAt,
        List<GenericConfigResult> systemConfigurations) {

    /** The agent shape: the same without system configurations. */
    AgentConfigResult asAgent() {
        return new AgentConfigResult(key, name, revisionBaseline, revisionDeployed, settings, timers, integrations,
                libraries, deployedAt);
    }
}
