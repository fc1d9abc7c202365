package dev.stageport.deployments;

import java.time.Instant;

/**
 * A row of deployment_operation: the operation as users see it plus the queue
 * bookkeeping (claimedBy, leaseExpiresAt, attempts, version) the engine needs.
 */
public record DeploymentOperation(
        String key,
        DeploymentOperationsType operation,
        String assetKey,
        String assetName,
        Integer revision,
        String buildKey,
        String environmentKey,
        String portfolioKey,
        OperationStatus status,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        String deployedBy,
        String currentStep,
        String appliedConfig,
        String claimedBy,
        Instant leaseExpiresAt,
        int attempts,
        long version) {

    /** The value of active_target while Running; its unique index allows one active operation per asset and stage. */
    public static String activeTarget(String environmentKey, String assetKey) {
        return environmentKey + ":" + assetKey;
    }
}
