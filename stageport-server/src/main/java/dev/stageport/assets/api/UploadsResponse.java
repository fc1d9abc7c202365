package dev.stageport.assets.api;

/** POST /uploads: where to PUT the bundle; the URL is then passed as {@code fileUri} to POST /assets. */
public record UploadsResponse(String uploadUrl) {
}
