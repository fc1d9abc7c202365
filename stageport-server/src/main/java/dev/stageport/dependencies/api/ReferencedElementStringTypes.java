package dev.stageport.dependencies.api;

/** ODC's ReferencedElementStringTypes: an element a revision references, as the producer offered it when the revision was uploaded. */
public record ReferencedElementStringTypes(String assetKey, int revision, String key, String name,
        String description, Boolean isHidden, String signatureDigest, String compatibilitySignatureDigest,
        String producerAssetKey, String producerAssetName, String type, String producerAssetType) {
}
