package dev.stageport.deployments;

import java.util.UUID;

/**
 * Body of POST /deployment-operations. Keys are UUIDs so that a malformed one
 * is refused by the JSON reader with a 400 naming the field.
 */
public record DeploymentOperationRequest(
        DeploymentOperationsType operation,
        UUID assetKey,
        UUID buildKey,
        Integer revision,
        UUID environmentKey) {
}
