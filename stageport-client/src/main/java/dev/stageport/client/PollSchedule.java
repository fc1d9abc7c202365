package dev.stageport.client;

import java.time.Duration;

/**
 * The polling advice of the ODC deployment docs: a short interval while an
 * operation is young (5 s for the first 30 s), then a long one (30 s).
 */
public record PollSchedule(Duration fastInterval, Duration fastPeriod, Duration slowInterval) {

    public static final PollSchedule ODC_ADVICE =
            new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));

    public PollSchedule {
        if (fastInterval.isNegative() || fastInterval.isZero() || slowInterval.isNegative() || slowInterval.isZero()) {
            throw new IllegalArgumentException("poll intervals must be positive");
        }
    }

    /** The wait before the next poll, given how long we have been waiting. */
    public Duration next(Duration elapsed) {
        return elapsed.compareTo(fastPeriod) < 0 ? fastInterval : slowInterval;
    }
}
