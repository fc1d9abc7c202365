package dev.stageport.webhooks;

import dev.stageport.work.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff ({@link RetryPolicy}) until
 * {@code giveUpAfter} has passed since the delivery was recorded. With the default a receiver
 * that is down for an hour gets everything at most 15 minutes after it is back.
 */
public record DeliverySchedule(RetryPolicy retry, Duration giveUpAfter) {

    public static final DeliverySchedule DEFAULT = new DeliverySchedule(
            new RetryPolicy(500, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(15)), Duration.ofHours(24));

    /** The next attempt after {@code failures} failed ones, or empty when the delivery gives up. */
    public Optional<Instant> nextAttempt(int failures, Instant recordedAt, Instant now) {
        Instant last = recordedAt.plus(giveUpAfter);
        if (!now.isBefore(last)) {
            return Optional.empty();
        }
        // the last try falls on the end of the window rather than being skipped because the step overshoots it
        return retry.delayAfter(failures).map(now::plus).map(next -> next.isAfter(last) ? last : next);
    }
}
