package dev.stageport.builds.api;

import java.time.Instant;

/** One build log message. */
public record BuildFeedbackDetails(Instant timestamp, String type, String severity, String message, String stepId,
                                   String assetKey, String errorCode) {
}
