package dev.stageport.policy;

import java.util.List;

/**
 * The rules the engine enforces on one stage. Every field is optional (null = no
 * rule), so an empty policy behaves exactly like ODC; later rules are added as fields.
 *
 * <p>Release safety (docs/release-safety.md): {@code promoteFrom} and {@code minSoakMinutes}
 * (promotion rules), {@code requiredApprovals}, {@code approvers} and {@code approvalTimeoutMinutes}
 * (approvals), {@code healthGate} (probing after the switch).
 */
public record StagePolicy(Integer maxOperationSeconds, Boolean blockBreakingDeploys,
                          // promotion rules
                          List<String> promoteFrom, Integer minSoakMinutes,
                          // approvals
                          Integer requiredApprovals, List<String> approvers, Integer approvalTimeoutMinutes,
                          // health gate (docs/release-safety.md "Health gates"); keep other rules on their own lines
                          HealthGate healthGate) {

    /** A week: a deadline beyond it is a typo, not a policy. */
    public static final int MAX_OPERATION_SECONDS = 7 * 24 * 3600;
    /** Thirty days, in minutes: the longest soak or approval wait that is still a rule, not a typo. */
    public static final int MAX_MINUTES = 30 * 24 * 60;
    public static final int MAX_APPROVALS = 20;

    public static final StagePolicy NONE = new StagePolicy(null, null, null, null, null, null, null, null);

    public StagePolicy {
        promoteFrom = promoteFrom == null || promoteFrom.isEmpty() ? null : List.copyOf(promoteFrom);
        approvers = approvers == null || approvers.isEmpty() ? null : List.copyOf(approvers);
    }

    /** When an operation that starts {@code now} on the stage must have ended, or null without a deadline. */
    public java.time.Instant deadline(java.time.Instant now) {
        return maxOperationSeconds == null ? null : now.plusSeconds(maxOperationSeconds);
    }

    /** True when a Deploy whose deployment analysis finds an Error is refused (the default is advisory). */
    public boolean blocksBreakingDeploys() {
        return Boolean.TRUE.equals(blockBreakingDeploys);
    }

    /** True when a Deploy to the stage waits for approvals before anything is provisioned. */
    public boolean requiresApproval() {
        return requiredApprovals != null && requiredApprovals > 0;
    }

    /**
     * Checks each field on its own; rules across fields and other records (stages, clients)
     * are the service's.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public StagePolicy validated() {
        if (maxOperationSeconds != null && (maxOperationSeconds <= 0 || maxOperationSeconds > MAX_OPERATION_SECONDS)) {
            throw new IllegalArgumentException("'maxOperationSeconds' must be from 1 to " + MAX_OPERATION_SECONDS
                    + " (a week) or null for no deadline, got " + maxOperationSeconds + ".");
        }
        minutes("minSoakMinutes", minSoakMinutes, 0);
        minutes("approvalTimeoutMinutes", approvalTimeoutMinutes, 1);
        if (minSoakMinutes != null && promoteFrom == null) {
            throw new IllegalArgumentException("'minSoakMinutes' needs 'promoteFrom': the stages the revision must "
                    + "have run in first.");
        }
        if (requiredApprovals != null && (requiredApprovals < 0 || requiredApprovals > MAX_APPROVALS)) {
            throw new IllegalArgumentException("'requiredApprovals' must be from 0 to " + MAX_APPROVALS + ", got "
                    + requiredApprovals + ".");
        }
        if ((approvers != null || approvalTimeoutMinutes != null) && !requiresApproval()) {
            throw new IllegalArgumentException("'" + (approvers != null ? "approvers" : "approvalTimeoutMinutes")
                    + "' needs 'requiredApprovals' of 1 or more.");
        }
        if (approvers != null) {
            if (approvers.stream().anyMatch(a -> a == null || a.isBlank() || a.contains("\n"))) {
                throw new IllegalArgumentException("'approvers' must be API client ids, got an empty one.");
            }
            if (approvers.stream().distinct().count() < requiredApprovals) {
                throw new IllegalArgumentException("'approvers' names " + approvers.stream().distinct().count()
                        + " approver(s), fewer than 'requiredApprovals' (" + requiredApprovals + ").");
            }
        }
        if (promoteFrom != null && promoteFrom.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("'promoteFrom' must be stage keys, got an empty one.");
        }
        if (healthGate != null) {
            healthGate.validated();
        }
        return this;
    }

    private static void minutes(String field, Integer value, int min) {
        if (value != null && (value < min || value > MAX_MINUTES)) {
            throw new IllegalArgumentException("'" + field + "' must be from " + min + " to " + MAX_MINUTES
                    + " (30 days), got " + value + ".");
        }
    }
}
