package dev.stageport.emulator;

import java.time.Instant;

/**
 * One answered request: when (by the server's clock), what was asked (secrets in the path
 * and query already redacted), the answer's status, who asked, how long it took in real
 * milliseconds, and the key of the operation it created, if any.
 */
public record JournalEntry(Instant at, String method, String path, String query, int status, String clientId,
                           long durationMillis, String operationKey, String traceId) {
}
