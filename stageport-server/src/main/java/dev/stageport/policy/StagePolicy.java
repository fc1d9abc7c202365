package dev.stageport.policy;

/**
 * The rules the engine enforces on one stage. Every field is optional (null = no
 * rule), so an empty policy behaves exactly like ODC; later rules are added as fields.
 */
public record StagePolicy(Integer maxOperationSeconds, Boolean blockBreakingDeploys,
                          // health gate (docs/release-safety.md "Health gates"); keep other rules on their own lines
                          HealthGate healthGate) {

    /** A week: a deadline beyond it is a typo, not a policy. */
    public static final int MAX_OPERATION_SECONDS = 7 * 24 * 3600;

    public static final StagePolicy NONE = new StagePolicy(null, null, null);

    /** True when a Deploy whose deployment analysis finds an Error is refused (the default is advisory). */
    public boolean blocksBreakingDeploys() {
        return Boolean.TRUE.equals(blockBreakingDeploys);
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public StagePolicy validated() {
        if (maxOperationSeconds != null && (maxOperationSeconds <= 0 || maxOperationSeconds > MAX_OPERATION_SECONDS)) {
            throw new IllegalArgumentException("'maxOperationSeconds' must be from 1 to " + MAX_OPERATION_SECONDS
                    + " (a week) or null for no deadline, got " + maxOperationSeconds + ".");
        }
        if (healthGate != null) {
            healthGate.validated();
        }
        return this;
    }
}
