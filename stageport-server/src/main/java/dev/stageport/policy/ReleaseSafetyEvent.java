package dev.stageport.policy;

import java.time.Instant;

/**
 * What release safety tells the rest of the server, published as Spring application events
 * inside the transaction of the change that caused them (a listener that writes an outbox row
 * with {@code @TransactionalEventListener(phase = BEFORE_COMMIT)} commits or rolls back with it).
 * {@link #type()} is the webhook event name.
 */
public sealed interface ReleaseSafetyEvent {

    String type();

    String environmentKey();

    String operationKey();

    Instant occurredAt();

    /** A Deploy waits for approvals. */
    record ApprovalRequested(String approvalKey, String operationKey, String environmentKey, String assetKey,
                             Integer revision, String requestedBy, int requiredApprovals, Instant occurredAt)
            implements ReleaseSafetyEvent {
        @Override
        public String type() {
            return "approval.requested";
        }
    }

    /** An approver decided, or the approval expired ({@code decidedBy} null); {@code status} is the approval's now. */
    record ApprovalDecided(String approvalKey, String operationKey, String environmentKey, String decidedBy,
                           String decision, String comment, ApprovalStatus status, Instant occurredAt)
            implements ReleaseSafetyEvent {
        @Override
        public String type() {
            return "approval.decided";
        }
    }

    /** An operation started during a freeze window because its caller overrode the freeze. */
    record FreezeOverridden(String operationKey, String environmentKey, String windowKey, String windowName,
                            String overriddenBy, String reason, Instant occurredAt) implements ReleaseSafetyEvent {
        @Override
        public String type() {
            return "freeze.overridden";
        }
    }
}
