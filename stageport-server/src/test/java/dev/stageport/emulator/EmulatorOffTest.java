package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite's server runs with the emulator off (the default). */
class EmulatorOffTest extends ServerTest {

    @Autowired
    Clock clock;

    @Test
    void everyEmulatorEndpointAnswers404WhenTheEmulatorIsOff() {
        for (String path : new String[] {"/faults", "/clock", "/requests"}) {
            api.get("/api/stageport/v1/emulator" + path).problem(404);
        }
        api.post("/api/stageport/v1/emulator/clock", "{\"advance\":\"PT13H\"}").problem(404);
        api.post("/api/stageport/v1/emulator/faults", "{}").problem(404);
        assertThat(clock).isNotInstanceOf(VirtualClock.class);
    }
}
