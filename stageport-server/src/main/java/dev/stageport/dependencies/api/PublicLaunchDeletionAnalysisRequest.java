package dev.stageport.dependencies.api;

/** ODC's PublicLaunchDeletionAnalysisRequest: the body of POST /deletion-analyses. */
public record PublicLaunchDeletionAnalysisRequest(String assetKey) {
}
