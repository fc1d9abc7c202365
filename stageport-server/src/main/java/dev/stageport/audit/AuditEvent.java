package dev.stageport.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One audited request; {@code reason} is why, when the request said so (an approval's
 * comment, a freeze override's reason). Nulls are written out (unlike the rest of the API) so that
 * "no client" and "no stage" read as facts in the log, not as missing fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEvent(Long id, Instant occurredAt, String clientId, String remoteAddress, String method,
                         String path, String environmentKey, String assetKey, int status, String traceId,
                         long durationMillis, String reason) {
}
