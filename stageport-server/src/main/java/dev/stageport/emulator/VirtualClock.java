package dev.stageport.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in emulator mode: the real time plus an offset the emulator moves.
 * It runs at the real pace between moves, and never goes back before the time it started at,
 * which becomes the time the seed was in place once start-up has applied it.
 */
public final class VirtualClock extends Clock {

    private final Clock real;
    private volatile Instant startedAt;
    private volatile Duration offset = Duration.ZERO;

    public VirtualClock(Clock real) {
        this.real = real;
        this.startedAt = real.instant();
    }

    /** The earliest time the clock may be moved back to. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Raises the earliest time to {@code earliest} (the seed's time): records of the seed never lie in the future. */
    synchronized void notBefore(Instant earliest) {
        if (earliest.isAfter(startedAt)) {
            startedAt = earliest;
        }
    }

    public Duration offset() {
        return offset;
    }

    void moveTo(Instant target) {
        offset = Duration.between(real.instant(), target);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
