package dev.stageport.publish;

import dev.stageport.deployments.OperationStatus;
import java.time.Instant;

/** The ODC PublishOperationResponse; null fields are left out of the JSON. */
public record PublishOperationResponse(String key, OperationStatus status, Instant startedDateTime,
                                       Instant finishedDateTime, String deployedBy, String assetKey, int revision,
                                       String buildKey, String portfolioKey,
                                       PublishOperationRequest.Operation operation) {

    static PublishOperationResponse of(PublishOperation op) {
        return new PublishOperationResponse(op.key(), op.status(), op.startedAt(), op.finishedAt(), op.deployedBy(),
                op.assetKey(), op.revision(), op.buildKey(), op.portfolioKey(),
                PublishOperationRequest.Operation.Publish);
    }
}
