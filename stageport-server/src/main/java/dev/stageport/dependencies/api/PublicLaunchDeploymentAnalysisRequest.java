package dev.stageport.dependencies.api;

/** ODC's PublicLaunchDeploymentAnalysisRequest: the body of POST /deployment-analyses. */
public record PublicLaunchDeploymentAnalysisRequest(Integer revision, String environmentKey, String assetKey) {
}
