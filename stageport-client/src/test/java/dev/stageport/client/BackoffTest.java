package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retryAfterIsHonouredAndStretchedByAtMostAFifth() {
        assertThat(Backoff.delay(1, Duration.ofSeconds(10), 0.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.delay(1, Duration.ofSeconds(10), 0.999)).isBetween(Duration.ofSeconds(10),
                Duration.ofSeconds(12));
    }

    @Test
    void withoutRetryAfterTheCeilingDoublesUpToThirtySeconds() {
        assertThat(Backoff.delay(1, null, 0.999)).isLessThan(Duration.ofSeconds(1));
        assertThat(Backoff.delay(3, null, 0.999)).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(4));
        assertThat(Backoff.delay(20, null, 0.999)).isBetween(Duration.ofMillis(29900), Duration.ofSeconds(30));
        assertThat(Backoff.delay(5, null, 0.0)).isZero();
    }

    @Test
    void attemptsStartAtOne() {
        assertThatThrownBy(() -> Backoff.delay(0, null, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollScheduleFollowsTheDocsAdvice() {
        PollSchedule advice = PollSchedule.ODC_ADVICE;
        assertThat(advice.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(advice.next(Duration.ofSeconds(29))).isEqualTo(Duration.ofSeconds(5));
        assertThat(advice.next(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
