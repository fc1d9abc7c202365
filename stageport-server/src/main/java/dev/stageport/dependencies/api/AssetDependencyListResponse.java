package dev.stageport.dependencies.api;

/** ODC's AssetDependencyListResponse: consumers of an asset or revision. */
public record AssetDependencyListResponse(java.util.List<AssetDependency> results) {
}
