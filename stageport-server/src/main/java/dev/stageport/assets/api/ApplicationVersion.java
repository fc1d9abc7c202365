package dev.stageport.assets.api;

import java.time.Instant;

/** The revision POST /assets created, in the spec's ApplicationVersion shape (the fields Stageport knows). */
public record ApplicationVersion(
        String applicationKey,
        int revision,
        String revisionUserName,
        Instant revisionDateTime,
        String tag,
        String name,
        String description,
        String applicationType,
        boolean isExternal,
        boolean isDeployable,
        boolean isBuiltInApp,
        String modelDigest,
        String releaseNotesUrl) {
}
