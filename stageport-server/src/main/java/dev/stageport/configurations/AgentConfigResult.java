package dev.stageport.configurations;

import java.time.Instant;
import java.util.List;

/** Response of the agent GET configuration endpoints: like the app one, without system configurations. */
public record AgentConfigResult(
        String key,
        String name,
        Integer revisionBaseline,
        Integer revisionDeployed,
        List<GenericConfigResult> settings,
        List<TimerResult> timers,
        List<IntegrationResult> integrations,
        List<LibraryConfigResult> libraries,
        Instant deployedAt) {
}
