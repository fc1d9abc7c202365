package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.hostile.EndpointCatalog;
import dev.stageport.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite's server runs with the emulator off (the default): its endpoints do not exist there. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class EmulatorOffTest extends ServerTest {

    @Autowired
    Clock clock;

    @Test
    void everyEmulatorEndpointAnswers404ProblemDetailsWhenTheEmulatorIsOff() {
        assertThat(EndpointCatalog.EMULATOR).isNotEmpty();
        for (EndpointCatalog.Endpoint endpoint : EndpointCatalog.EMULATOR) {
            String path = EndpointCatalog.fill(endpoint.path(), Map.of("snapshot", "any", "fault", "any"));
            byte[] body = endpoint.hasBody() ? endpoint.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
            var answer = api.send(endpoint.method(), path, "application/json", body);
            assertThat(answer.problem(404).get("status").asInt()).as(endpoint.toString()).isEqualTo(404);
        }
    }

    @Test
    void theServerKeepsTheRealClockWhenTheEmulatorIsOff() {
        assertThat(clock).isNotInstanceOf(VirtualClock.class);
    }
}
