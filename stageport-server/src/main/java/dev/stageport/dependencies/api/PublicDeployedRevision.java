package dev.stageport.dependencies.api;

/** ODC's PublicDeployedRevision: a deployed revision of an impacted asset. */
public record PublicDeployedRevision(Integer revision, String environmentKey, String consumerType, String severity,
        String indirectLibraryHint, java.util.List<PublicDependencyPath> indirectDependencies) {
}
