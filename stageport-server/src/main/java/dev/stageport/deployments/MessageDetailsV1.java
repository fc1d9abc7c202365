package dev.stageport.deployments;

/** additionalInfo of an operation message: which step wrote it, for which asset. */
public record MessageDetailsV1(String stepId, String assetKey) {
}
