package dev.stageport.policy;

import java.time.Instant;
import java.util.List;

/**
 * The approvals one Deploy waits for. {@code approvers} null means any client holding
 * Release management &gt; Deploy apps on the stage, except the requester.
 */
public record Approval(String key, String operationKey, String environmentKey, String assetKey, Integer revision,
                       String requestedBy, int requiredApprovals, List<String> approvers, ApprovalStatus status,
                       Instant requestedAt, Instant expiresAt, Instant decidedAt, List<Decision> decisions) {

    /** One approver's decision. */
    public record Decision(String decidedBy, String decision, String comment, Instant decidedAt) {
        public static final String APPROVE = "Approve";
        public static final String REJECT = "Reject";
    }

    public long approvals() {
        return decisions.stream().filter(d -> Decision.APPROVE.equals(d.decision())).count();
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Who must approve, for messages: "1 approval from one of a, b" or "... from a client with ...". */
    public String whoMustApprove() {
        String from = approvers == null
                ? "anyone with 'Release management > Deploy apps' on the stage"
                : "one of " + String.join(", ", approvers);
        return requiredApprovals + " approval" + (requiredApprovals == 1 ? "" : "s") + " from " + from
                + " (not the requester " + requestedBy + ")";
    }

    public String decisionsText() {
        return String.join("; ", decisions.stream().map(d -> (Decision.APPROVE.equals(d.decision()) ? "approved by "
                : "rejected by ") + d.decidedBy() + (d.comment() == null ? "" : ": " + d.comment())).toList());
    }
}
