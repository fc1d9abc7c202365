package dev.stageport.dependencies.api;

/** ODC's PublicDeploymentAnalysisReportPublicAnalysisResult: a deployment analysis: its status and, once Finished, its report. */
public record PublicDeploymentAnalysisReportPublicAnalysisResult(String analysisKey, String type,
        String processStatus, dev.stageport.web.ProblemDetails error, PublicDeploymentAnalysisReport report,
        String environmentKey, java.time.Instant startedAt, String assetKey) {
}
