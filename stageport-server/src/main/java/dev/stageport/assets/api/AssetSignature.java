package dev.stageport.assets.api;

/** GET .../signature: digests of the revision's bundle as uploaded (docs/bundles.md). */
public record AssetSignature(String signatureBinaryUrl, String signatureDigest, String compatibilitySignatureDigest) {
}
