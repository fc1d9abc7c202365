package dev.stageport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import dev.stageport.web.ProblemWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The traceId of a ProblemDetails body leads to the server's log lines for that request. */
@ExtendWith(OutputCaptureExtension.class)
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class LoggingTraceIdTest extends ServerTest {

    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        logging.setLogLevel(ProblemWriter.class.getName(), null);
    }

    private JsonNode problem(String path, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + api.token());
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        dev.stageport.support.OdcContract.verify(response, response.body());
        assertThat(response.statusCode()).isEqualTo(404);
        return dev.stageport.support.Api.JSON.readTree(response.body());
    }

    @Test
    void problemAnswerIsLoggedWithTheSameTraceIdAsItsBody(CapturedOutput output) throws Exception {
        logging.setLogLevel(ProblemWriter.class.getName(), LogLevel.DEBUG);
        String traceId = problem("/api/builds/v1/build-operations/" + java.util.UUID.randomUUID(), null).get("traceId").asString();

        // the message itself does not name the id: the log pattern adds it from the MDC
        assertThat(output.getOut()).containsPattern("\\[" + traceId + "] .*ProblemWriter.*answered 404");
    }

    @Test
    void traceIdFromTraceparentHeaderAppearsInBodyAndLog(CapturedOutput output) throws Exception {
        logging.setLogLevel(ProblemWriter.class.getName(), LogLevel.DEBUG);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        JsonNode body = problem("/api/builds/v1/build-operations/" + java.util.UUID.randomUUID(),
                "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(body.get("traceId").asString()).isEqualTo(traceId);
        assertThat(output.getOut()).contains("[" + traceId + "]");
    }
}
