package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.EmulatorServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A server of its own with a tiny limit: the rate-limit window follows the virtual clock. It shares
 * the emulator tests' database, so its engine is off: it must not run their operations on its clock.
 */
@TestPropertySource(properties = {"stageport.rate-limits.mode=on", "stageport.rate-limits.domain-per-minute=3",
    "stageport.engine.enabled=false"})
class EmulatorRateLimitWindowTest extends EmulatorServerTest {

    @Test
    void aFullWindowOpensAgainWhenTheClockMovesAMinute() {
        int answered = 0;
        while (answered < 10 && api.get("/api/builds/v1/build-operations").status() == 200) {
            answered++;
        }
        assertThat(answered).as("the pool of 3 ran out").isLessThanOrEqualTo(3);
        api.get("/api/builds/v1/build-operations").problem(429);

        assertThat(api.post(EMULATOR + "/clock", "{\"advance\":\"PT1M\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/builds/v1/build-operations").status()).isEqualTo(200);
    }
}
