package dev.stageport.work;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently a transiently failing step is tried again: a value,
 * and {@link #delayAfter} is a pure function of the number of failures so far.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts + ".");
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || multiplier < 1.0) {
            throw new IllegalArgumentException("delays must not be negative and the multiplier at least 1.");
        }
    }

    /**
     * The wait before the next attempt once {@code failures} attempts failed, or empty
     * when the step has used up its attempts and counts as failed.
     */
    public Optional<Duration> delayAfter(int failures) {
        if (failures < 1 || failures >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, failures - 1);
        return Optional.of(Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis())));
    }
}
