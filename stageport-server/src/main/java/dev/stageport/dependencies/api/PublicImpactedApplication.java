package dev.stageport.dependencies.api;

/** ODC's PublicImpactedApplication: an asset that would break if the analysed asset were deleted. */
public record PublicImpactedApplication(String name, String type, String portfolioKey, String portfolioName,
        String assetKey, java.util.List<PublicDeployedRevision> deployedRevisions) {
}
