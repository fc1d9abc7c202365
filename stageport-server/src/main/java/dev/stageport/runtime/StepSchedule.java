package dev.stageport.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each simulated step of an operation ends: the first one its duration after it
 * started, every later one its duration after the previous one was planned to end. So the
 * steps of a Deploy are laid out back to back on the server's clock, and when the emulator
 * moves the clock past them all, they all end at once instead of one at a time.
 */
final class StepSchedule {

    /** Operations remembered; the oldest are forgotten first (a forgotten one starts afresh). */
    static final int REMEMBERED = 10_000;

    private final Map<String, Instant> plannedEnds = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized Instant next(String operationKey, Instant now, Duration length) {
        Instant previous = plannedEnds.get(operationKey);
        Instant end = (previous == null ? now : previous).plus(length);
        plannedEnds.put(operationKey, end);
        return end;
    }
}
