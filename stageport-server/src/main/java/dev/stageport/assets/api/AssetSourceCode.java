package dev.stageport.assets.api;

/** GET .../source-code: where to download the revision's bundle, and its digest as a UUID. */
public record AssetSourceCode(String sourceCodeBinaryUrl, String sourceCodeDigest) {
}
