package dev.stageport.publish;

import java.util.UUID;

/** Body of POST /publish-operations; without environmentKey the Development stage is the target. */
public record PublishOperationRequest(Operation operation, UUID assetKey, Integer revision, UUID environmentKey) {

    /** The spec's PublishOperationsType. */
    public enum Operation { Publish }
}
