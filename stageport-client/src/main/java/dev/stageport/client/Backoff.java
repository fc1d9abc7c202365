package dev.stageport.client;

import java.time.Duration;

/**
 * How long to wait before retry {@code attempt} (1-based). A server's
 * Retry-After wins, stretched by up to 20% so that many clients told the same
 * second do not all come back at once; otherwise exponential from one second,
 * capped at 30 seconds, with full jitter. Pure: the randomness is an argument.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(30);

    private Backoff() {
    }

    /** @param random a number in [0, 1) */
    public static Duration delay(int attempt, Duration retryAfter, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.plusMillis((long) (retryAfter.toMillis() * 0.2 * random));
        }
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis((long) (ceiling * random));
    }
}
