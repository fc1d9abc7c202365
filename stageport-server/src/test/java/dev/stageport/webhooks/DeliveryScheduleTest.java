package dev.stageport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

    private final DeliverySchedule schedule = DeliverySchedule.DEFAULT;
    private final Instant recorded = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void failedDeliveriesBackOffExponentiallyUpToFifteenMinutes() {
        assertThat(schedule.nextAttempt(1, recorded, recorded)).contains(recorded.plusSeconds(30));
        assertThat(schedule.nextAttempt(2, recorded, recorded)).contains(recorded.plusSeconds(60));
        assertThat(schedule.nextAttempt(3, recorded, recorded)).contains(recorded.plusSeconds(120));
        assertThat(schedule.nextAttempt(12, recorded, recorded)).contains(recorded.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aDeliveryIsTriedForTwentyFourHoursWithItsLastTryAtTheEndOfTheWindow() {
        Instant now = recorded;
        int failures = 0;
        Optional<Instant> next = Optional.of(now);
        Instant last = now;
        while (next.isPresent()) {
            last = next.get();
            failures++;
            next = schedule.nextAttempt(failures, recorded, last);
        }
        assertThat(last).isEqualTo(recorded.plus(Duration.ofHours(24)));
        assertThat(failures).isBetween(90, 110);
        assertThat(schedule.nextAttempt(1, recorded, recorded.plus(Duration.ofHours(25)))).isEmpty();
    }
}
