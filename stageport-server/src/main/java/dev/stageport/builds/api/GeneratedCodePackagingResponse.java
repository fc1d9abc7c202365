package dev.stageport.builds.api;

/** POST .../generated-code: whether the packaging was started (or is already under way or done). */
public record GeneratedCodePackagingResponse(boolean isSuccessful) {
}
