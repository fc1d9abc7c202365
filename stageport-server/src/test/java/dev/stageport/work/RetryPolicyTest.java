package dev.stageport.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), 3.0, Duration.ofMillis(1000));

    @Test
    void delaysGrowByTheMultiplierUpToTheMaximumAndStopAfterTheLastAttempt() {
        assertThat(policy.delayAfter(1)).contains(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2)).contains(Duration.ofMillis(300));
        assertThat(policy.delayAfter(3)).contains(Duration.ofMillis(900));
        assertThat(policy.delayAfter(4)).contains(Duration.ofMillis(1000));
        assertThat(policy.delayAfter(5)).isEmpty();
        assertThat(policy.delayAfter(0)).isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(RetryPolicy.NONE.delayAfter(1)).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), 1, Duration.ZERO))
                .hasMessageContaining("negative");
    }
}
