package dev.stageport.work;

import java.time.Instant;

/** One message of an operation of any kind, as work_message stores it; {@code id} orders them. */
public record WorkMessage(long id, Instant createdAt, String type, String severity, String message, String stepId,
                          String assetKey, String errorCode) {

    public static WorkMessage of(Instant at, String type, String severity, String message, String stepId,
                                 String assetKey, String errorCode) {
        return new WorkMessage(0, at, type, severity, message, stepId, assetKey, errorCode);
    }
}
