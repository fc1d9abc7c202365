package dev.stageport.builds;

import java.time.Instant;

public record BuildMessage(Instant timestamp, String type, String severity, String message, String stepId,
                           String errorCode) {
}
