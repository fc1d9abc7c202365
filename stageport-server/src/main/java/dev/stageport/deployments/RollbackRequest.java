package dev.stageport.deployments;

/** Body of POST .../environments/{environmentKey}/assets/{assetKey}/rollback; optional as a whole. */
public record RollbackRequest(String toOperationKey) {
}
