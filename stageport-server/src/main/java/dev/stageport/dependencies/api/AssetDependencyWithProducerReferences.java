package dev.stageport.dependencies.api;

/** ODC's AssetDependencyWithProducerReferences: a producer in the flat list, naming its own producers by key. */
public record AssetDependencyWithProducerReferences(String key, String portfolioKey, Integer revision,
        String name, String description, String type, String signatureDigest, String compatibilitySignatureDigest,
        String modelDigest, boolean isDirectProducer, java.util.List<String> producers) {
}
