package dev.stageport.assets.api;

/** GET .../release-notes: the revision's tag and its release notes. */
public record AssetReleaseNoteContent(String tag, String content) {
}
