package dev.stageport.dependencies.api;

/** ODC's PublicElementStringTypes: a public element of an asset revision. */
public record PublicElementStringTypes(String assetKey, String assetName, int revision, String tag, String key,
        String name, String description, String signatureDigest, String compatibilitySignatureDigest,
        boolean isHidden, String assetType, String type) {
}
