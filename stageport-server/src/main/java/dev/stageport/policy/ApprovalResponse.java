package dev.stageport.policy;

import java.time.Instant;
import java.util.List;

/** One approval as the API shows it. */
public record ApprovalResponse(String key, String operationKey, String environmentKey, String assetKey,
                               Integer revision, String requestedBy, ApprovalStatus status, int requiredApprovals,
                               List<String> approvers, Instant requestedAt, Instant expiresAt, Instant decidedAt,
                               List<DecisionResponse> decisions) {

    public record DecisionResponse(String decidedBy, String decision, String comment, Instant decidedAt) {
    }

    /** The list answer of GET /approvals. */
    public record ListResponse(dev.stageport.web.Int32NullablePageInfo page, List<ApprovalResponse> results) {
    }

    static ApprovalResponse of(Approval a) {
        return new ApprovalResponse(a.key(), a.operationKey(), a.environmentKey(), a.assetKey(), a.revision(),
                a.requestedBy(), a.status(), a.requiredApprovals(), a.approvers(), a.requestedAt(), a.expiresAt(),
                a.decidedAt(), a.decisions().stream().map(d -> new DecisionResponse(d.decidedBy(), d.decision(),
                        d.comment(), d.decidedAt())).toList());
    }
}
