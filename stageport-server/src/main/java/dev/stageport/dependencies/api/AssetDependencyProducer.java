package dev.stageport.dependencies.api;

/** ODC's AssetDependencyProducer: a node of the producer graph with the producers it depends on in turn. */
public record AssetDependencyProducer(String key, String portfolioKey, Integer revision, String name,
        String description, String type, String signatureDigest, String compatibilitySignatureDigest,
        String modelDigest, java.util.List<AssetDependencyProducer> producers) {
}
