package dev.stageport.hostile;

import dev.stageport.support.EmulatorServerTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hostile-input sweep over the emulator's endpoints, on a server with the emulator on. */
class EmulatorHostileInputSweepTest extends HostileInputSweepTest {

    @DynamicPropertySource
    static void emulatorOn(DynamicPropertyRegistry registry) {
        EmulatorServerTest.emulatorProperties(registry, "emulator_sweep");
    }

    static Stream<EndpointCatalog.Endpoint> endpoints() {
        return EndpointCatalog.EMULATOR.stream();
    }

    /** The {snapshot} placeholder names one that exists. */
    @BeforeEach
    void hostileSnapshot() {
        org.assertj.core.api.Assertions.assertThat(api.post("/api/stageport/v1/emulator/snapshots",
                "{\"name\":\"hostile\"}").status()).isEqualTo(201);
    }
}
