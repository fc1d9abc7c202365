package dev.stageport.dependencies.api;

/** ODC's AssetDependencyProducerListResponse: the producer graph of a revision. */
public record AssetDependencyProducerListResponse(java.util.List<AssetDependencyProducer> results) {
}
