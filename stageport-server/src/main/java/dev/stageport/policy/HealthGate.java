package dev.stageport.policy;

/**
 * The health gate of a stage policy: after the traffic switch the engine keeps probing the
 * new revision for {@code seconds}; {@code failures} failed probes in that window switch the
 * stage back to the previous revision. {@code path} is the HTTP path the process driver probes
 * (null: the app's own health path); other drivers judge health their own way.
 */
public record HealthGate(String path, Integer seconds, Integer failures) {

    /** An hour: a longer window holds the stage's one active operation for too long. */
    public static final int MAX_SECONDS = 3600;
    public static final int MAX_FAILURES = 1000;
    public static final int MAX_PATH_LENGTH = 500;

    /** @throws IllegalArgumentException naming the field that is wrong */
    HealthGate validated() {
        if (seconds == null || seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("'healthGate.seconds' must be from 1 to " + MAX_SECONDS + ", got "
                    + seconds + ".");
        }
        if (failures == null || failures < 1 || failures > MAX_FAILURES) {
            throw new IllegalArgumentException("'healthGate.failures' must be from 1 to " + MAX_FAILURES + ", got "
                    + failures + ".");
        }
        if (path != null && (!path.startsWith("/") || path.length() > MAX_PATH_LENGTH
                || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("'healthGate.path' must start with / and be at most "
                    + MAX_PATH_LENGTH + " visible ASCII characters without spaces, e.g. \"/health\".");
        }
        return this;
    }
}
