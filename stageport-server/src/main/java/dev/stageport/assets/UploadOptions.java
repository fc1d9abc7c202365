package dev.stageport.assets;

/**
 * What an uploader may say about the revision besides the bundle itself (the
 * spec's AssetVersionCreationRequest minus the parts Stageport has no use for).
 * Every field is optional; {@code commitMessage} overrides the manifest's.
 */
public record UploadOptions(String tag, String releaseNotes, String commitMessage, String portfolioKey,
                            boolean skipSequentialVersionValidation) {

    public static final UploadOptions NONE = new UploadOptions(null, null, null, null, false);
}
