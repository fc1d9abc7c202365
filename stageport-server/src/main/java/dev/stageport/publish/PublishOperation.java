package dev.stageport.publish;

import dev.stageport.deployments.OperationStatus;
import dev.stageport.work.Transitions;
import java.time.Instant;

/**
 * A row of publish_operation. {@code phase} is the publish's own state machine;
 * the API shows {@link #status()} (Running until a terminal phase).
 */
public record PublishOperation(String key, String assetKey, String assetName, int revision, String environmentKey,
                               String portfolioKey, Phase phase, String buildKey, String deploymentKey,
                               Instant startedAt, Instant finishedAt, String deployedBy, long version) {

    /** Building: waiting for the Release build; Deploying: waiting for the Deploy operation it started. */
    public enum Phase { Building, Deploying, Finished, FinishedWithError }

    public static final Transitions<Phase> TRANSITIONS = Transitions.of("publish operation", Phase.class)
            .allow(Phase.Building, Phase.Deploying, Phase.FinishedWithError)
            .allow(Phase.Deploying, Phase.Finished, Phase.FinishedWithError);

    public OperationStatus status() {
        return status(phase);
    }

    static OperationStatus status(Phase phase) {
        return switch (phase) {
            case Building, Deploying -> OperationStatus.Running;
            case Finished -> OperationStatus.Finished;
            case FinishedWithError -> OperationStatus.FinishedWithError;
        };
    }
}
