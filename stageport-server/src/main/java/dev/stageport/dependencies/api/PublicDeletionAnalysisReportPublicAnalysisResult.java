package dev.stageport.dependencies.api;

/** ODC's PublicDeletionAnalysisReportPublicAnalysisResult: a deletion analysis: its status and, once Finished, its report. */
public record PublicDeletionAnalysisReportPublicAnalysisResult(String analysisKey, String type,
        String processStatus, dev.stageport.web.ProblemDetails error, PublicDeletionAnalysisReport report,
        String environmentKey, java.time.Instant startedAt, String assetKey) {
}
