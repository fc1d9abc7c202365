package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.hostile.EndpointCatalog;
import dev.stageport.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suite's server runs with the emulator off (the default): its endpoints do not exist there. */
class EmulatorOffTest extends ServerTest {

    @Test
    void everyEmulatorEndpointAnswers404ProblemDetailsWhenTheEmulatorIsOff() {
        assertThat(EndpointCatalog.EMULATOR).isNotEmpty();
        for (EndpointCatalog.Endpoint endpoint : EndpointCatalog.EMULATOR) {
            String path = EndpointCatalog.fill(endpoint.path(), Map.of("snapshot", "any"));
            var answer = api.post(path, endpoint.hasBody() ? endpoint.body() : "");
            assertThat(answer.problem(404).get("status").asInt()).as(endpoint.toString()).isEqualTo(404);
        }
    }
}
