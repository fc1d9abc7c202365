package dev.stageport.dependencies.api;

/** ODC's PublicDeletionAnalysisReport: the findings of a deletion analysis. */
public record PublicDeletionAnalysisReport(String status, java.util.List<EnvironmentReport> deployedEnvironments,
        java.util.List<ImpactedDomain> impactedDomains, java.util.List<PublicImpactedApplication> impactedAssets) {
}
