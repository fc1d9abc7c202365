package dev.stageport.deployments;

import java.time.Instant;

/** One progress message of a deployment operation, as ODC shapes it. */
public record MessageDetailsV1TaskProgressMessage(
        Instant timestamp, String type, Severity severity, String message, MessageDetailsV1 additionalInfo) {

    /** The ODC MessageSeverity enum. */
    public enum Severity { Info, Warning, Error }
}
