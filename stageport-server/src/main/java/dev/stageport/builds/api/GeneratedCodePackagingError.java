package dev.stageport.builds.api;

import java.time.Instant;

public record GeneratedCodePackagingError(Instant timestamp, String severity, String message) {
}
