package dev.stageport.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A time when a stage takes no Deploy, Undeploy or ApplyConfigs: once ({@code start} to
 * {@code end}) or recurring (each {@code cron} occurrence in {@code timeZone}, for
 * {@code durationMinutes}). An occurrence includes its first instant and excludes its last,
 * so a window that ends at 08:00 takes deploys at 08:00 again.
 */
public record FreezeWindow(String key, String environmentKey, String name, Instant start, Instant end, String cron,
                           Integer durationMinutes, String timeZone, Instant createdAt, String createdBy) {

    /** One occurrence of a window: from {@code start} (included) to {@code end} (excluded). */
    public record Occurrence(Instant start, Instant end) {
    }

    /** Recurring windows chained back to back (a long duration) are merged up to this many occurrences. */
    private static final int MAX_CHAINED = 1000;

    public boolean recurring() {
        return cron != null;
    }

    /** The occurrence in progress at {@code now}, if any. */
    public Optional<Occurrence> activeAt(Instant now) {
        if (!recurring()) {
            return !now.isBefore(start) && now.isBefore(end) ? Optional.of(new Occurrence(start, end))
                    : Optional.empty();
        }
        Duration duration = Duration.ofMinutes(durationMinutes);
        Optional<Instant> first = after(now.minus(duration));
        if (first.isEmpty() || first.get().isAfter(now)) {
            return Optional.empty();
        }
        Instant end = first.get().plus(duration);
        Optional<Instant> next = after(first.get());
        for (int i = 0; i < MAX_CHAINED && next.isPresent() && !next.get().isAfter(end); i++) {
            end = next.get().plus(duration);
            next = after(next.get());
        }
        return Optional.of(new Occurrence(first.get(), end));
    }

    /** The occurrence in progress, else the next one to come; empty for a one-off window that is over. */
    public Optional<Occurrence> nextOccurrence(Instant now) {
        Optional<Occurrence> active = activeAt(now);
        if (active.isPresent()) {
            return active;
        }
        if (!recurring()) {
            return start.isAfter(now) ? Optional.of(new Occurrence(start, end)) : Optional.empty();
        }
        return after(now).map(s -> new Occurrence(s, s.plus(Duration.ofMinutes(durationMinutes))));
    }

    /** The first cron occurrence strictly after {@code instant}, in the window's time zone. */
    private Optional<Instant> after(Instant instant) {
        ZonedDateTime next = parseCron(cron).next(ZonedDateTime.ofInstant(instant, ZoneId.of(timeZone)));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    /**
     * Spring's six-field cron (second first); the usual five fields (minute first) are read as
     * starting at second 0.
     *
     * @throws IllegalArgumentException when it is not a cron expression
     */
    public static CronExpression parseCron(String cron) {
        String trimmed = cron.trim();
        return CronExpression.parse(trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed);
    }
}
