package dev.stageport.audit;

import java.time.Instant;

/**
 * Validated filters of the audit log; every field is optional (null = any).
 * {@code statusFrom}..{@code statusTo} is inclusive: 404..404 or 400..499 for "4xx".
 */
public record AuditQuery(String clientId, String environmentKey, String assetKey, String method,
                         Integer statusFrom, Integer statusTo, Instant since, Instant until) {
}
