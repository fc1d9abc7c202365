package dev.stageport.dependencies.api;

/** ODC's PublicDeploymentAnalysisReport: the findings of a deployment analysis. */
public record PublicDeploymentAnalysisReport(String status, java.util.List<PublicApplicationReport> impactedAssets) {
}
