package dev.stageport.builds.api;

/** Answer to POST /build-operations: the key of the build to poll. */
public record BuildResponse(String buildKey, boolean isSuccessful) {
}
