package dev.stageport.audit;

import jakarta.servlet.http.HttpServletRequest;

/** Lets a controller say why its request changes something; the audit event records it. */
public final class AuditReason {

    private AuditReason() {
    }

    public static void note(HttpServletRequest request, String reason) {
        if (reason != null && !reason.isBlank()) {
            request.setAttribute(AuditFilter.REASON, reason.strip());
        }
    }
}
