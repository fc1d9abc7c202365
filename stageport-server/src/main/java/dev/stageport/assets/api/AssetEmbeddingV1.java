package dev.stageport.assets.api;

/** The optional {@code _embedded} part of a revision; only what was asked for with {@code embed}. */
public record AssetEmbeddingV1(AssetReleaseNote releaseNote, AssetIcon icon, AssetSourceCode sourceCode,
                               AssetSignature signature, BaseAssetMetadata metadata) {

    public record AssetReleaseNote(String tag, String releaseNoteUrl) {
    }

    public record BaseAssetMetadata(boolean isDeployable, boolean isBuiltInAsset, String runtime) {
    }
}
