package dev.stageport.dependencies.api;

/** ODC's PublicApplicationReport: one asset a deployment analysis found impacted. */
public record PublicApplicationReport(Integer revision, String type, String referenceType,
        java.util.List<ElementIssue> elementLevelIssues, java.util.List<ApplicationIssue> applicationLevelIssues,
        String assetKey) {
}
