package dev.stageport.dependencies.api;

/** ODC's AssetDependencyWithProducerReferencesListResponse: every producer of a revision, direct or not. */
public record AssetDependencyWithProducerReferencesListResponse(java.util.List<AssetDependencyWithProducerReferences> results) {
}
