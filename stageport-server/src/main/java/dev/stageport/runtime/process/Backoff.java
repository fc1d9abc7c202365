package dev.stageport.runtime.process;

import java.time.Duration;

/** How long to wait before restarting a crashed instance: doubling from one second, capped at a minute. */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(1);

    private Backoff() {
    }

    /** The delay before restart number {@code attempt} (1 for the first restart). */
    static Duration delay(int attempt) {
        if (attempt <= 1) {
            return FIRST;
        }
        int doublings = Math.min(attempt - 1, 20);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
