package dev.stageport.audit;

import dev.stageport.web.Int32NullablePageInfo;
import java.util.List;

/** The audit log page, shaped like the ODC paged lists (page info + results). */
public record AuditEventListResponse(Int32NullablePageInfo page, List<AuditEvent> results) {
}
