package dev.stageport.deployments;

import java.time.Instant;
import java.util.List;

/** The ODC DeploymentOperationResponse; null fields are left out of the JSON. */
public record DeploymentOperationResponse(
        String key,
        OperationStatus status,
        Instant startedDateTime,
        Instant finishedDateTime,
        String deployedBy,
        String assetKey,
        List<Integer> revisions,
        String buildKey,
        String assetName,
        DeploymentOperationsType operation,
        String portfolioKey) {

    static DeploymentOperationResponse of(DeploymentOperation op) {
        return new DeploymentOperationResponse(op.key(), op.status(), op.startedAt(), op.finishedAt(),
                op.deployedBy(), op.assetKey(), op.revision() == null ? List.of() : List.of(op.revision()),
                op.buildKey(), op.assetName(), op.operation(), op.portfolioKey());
    }
}
