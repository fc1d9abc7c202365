package dev.stageport.dependencies.api;

/** ODC's AssetDependency: an asset revision in a dependency list (consumers). */
public record AssetDependency(String key, String portfolioKey, Integer revision, String name, String description,
        String type, String signatureDigest, String compatibilitySignatureDigest, String modelDigest) {
}
