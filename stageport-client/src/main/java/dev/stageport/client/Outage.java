package dev.stageport.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One outage of the server during a wait: the listener is told once when it
 * starts and once when it ends, with a growing pause between tries that never
 * passes the deadline.
 */
final class Outage {

    private final OperationWatcher.Listener listener;
    private final Clock clock;
    private final OdcClient.Sleeper sleeper;
    private int failures;
    private boolean reported;
    boolean reauthenticated;

    Outage(OperationWatcher.Listener listener, Clock clock, OdcClient.Sleeper sleeper) {
        this.listener = listener;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void lost(String why, Instant deadline) {
        failures++;
        if (!reported) {
            reported = true;
            listener.connection(false, why);
        }
        pause(Backoff.delay(Math.min(failures, 4), null, 0.5 + ThreadLocalRandom.current().nextDouble() / 2),
                deadline);
    }

    void back() {
        failures = 0;
        reauthenticated = false;
        if (reported) {
            reported = false;
            listener.connection(true, null);
        }
    }

    /** The stream ended without the end of the operation: reconnect, but never in a tight loop. */
    void settle(Instant deadline) {
        pause(Duration.ofMillis(100), deadline);
    }

    private void pause(Duration wanted, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wanted.compareTo(left) < 0 ? wanted : left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdcException(0, "interrupted", null);
        }
    }
}
