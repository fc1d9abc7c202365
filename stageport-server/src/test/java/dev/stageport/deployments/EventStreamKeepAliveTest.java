package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Event streams send a comment line every {@code stageport.followers.keep-alive} (1 s on the suite's
 * servers, ServerTest): clients skip it, and a client that hung up is let go at the next one instead of
 * at the operation's next change.
 */
class EventStreamKeepAliveTest extends DeploymentTestSupport {

    @Autowired
    OperationEvents events;

    @Test
    void aStreamGetsKeepAliveCommentsOnTheConfiguredScheduleAndStillEndsWithTheTerminalStatus() throws Exception {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 600000}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        try (Socket socket = openStream(key)) {
            BufferedReader lines = lines(socket);
            assertThat(readUntil(lines, "event:")).isEqualTo("event:status");

            assertThat(readUntil(lines, ":")).as("sent by the schedule, no hook called").isEqualTo(":keep-alive");

            assertThat(api.post("/api/stageport/v1/deployment-operations/" + key + "/cancel",
                    "{\"reason\": \"keep-alive seen\"}").status()).isEqualTo(202);
            String status;
            do {
                readUntil(lines, "event:status");
                status = readUntil(lines, "data:");
            } while (status != null && status.contains("\"status\":\"Running\""));
            assertThat(status).contains("\"status\":\"FinishedWithError\"");
        }
    }

    @Test
    void aFollowerThatHungUpIsLetGoAtTheNextKeepAliveWhileItsOperationStillRuns() throws Exception {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 600000}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        try (Socket socket = openStream(key)) {
            assertThat(readUntil(lines(socket), "event:")).isEqualTo("event:status");
            assertThat(events.followers(key)).isEqualTo(1);
        }

        // the kernel takes the first write after a hang-up, the one after fails: keep-alives until it is let go
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            events.keepAlive();
            return events.followers(key) == 0;
        });
        assertThat(api.get(OPS + "/" + key).json().get("status").asString()).as("nothing changed in the operation")
                .isEqualTo("Running");
        assertThat(api.post("/api/stageport/v1/deployment-operations/" + key + "/cancel",
                "{\"reason\": \"test over\"}").status()).isEqualTo(202);
    }

    private Socket openStream(String key) throws IOException {
        URI uri = URI.create(baseUrl());
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET " + OPS + "/" + key + "/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + api.token() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static BufferedReader lines(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String readUntil(BufferedReader lines, String prefix) throws IOException {
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith(prefix)) {
            // headers, chunk sizes and other events before the one looked for
        }
        return line;
    }
}
