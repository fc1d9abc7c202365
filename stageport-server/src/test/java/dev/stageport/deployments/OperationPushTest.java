package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Event streams and long polls: the end of an operation is pushed, not polled for. */
@ExtendWith(OutputCaptureExtension.class)
class OperationPushTest extends DeploymentTestSupport {

    private record Event(String id, String name, JsonNode data) {
    }

    @Test
    void streamOfARunningOperationStartsWithItsStatusAndEndsAfterFinished() throws Exception {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 150}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        List<Event> events = read(key, null);
        assertThat(events.get(0).name()).isEqualTo("status");
        assertThat(events.get(0).data().get("key").asString()).isEqualTo(key);
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("status");
        assertThat(last.data().get("status").asString()).isEqualTo("Finished");
        List<String> steps = events.stream().filter(e -> e.name().equals("message"))
                .map(e -> e.data().get("additionalInfo").get("stepId").asString()).toList();
        assertThat(steps).containsSubsequence("Validate", "ResolveConfiguration", "Provision", "HealthCheck",
                "Activate", "RetirePrevious", "Record");
        assertThat(events.stream().filter(e -> e.name().equals("message")).count())
                .isEqualTo(messages(key).size());
    }

    @Test
    void streamOfAFinishedOperationSendsEverythingAndCloses() throws Exception {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        awaitEnd(key);
        List<Event> events = read(key, null);
        assertThat(events.stream().filter(e -> e.name().equals("message")).count()).isEqualTo(messages(key).size());
        assertThat(events.get(events.size() - 1).data().get("status").asString()).isEqualTo("Finished");
    }

    @Test
    void lastEventIdResumesAfterTheLastMessageSeen() throws Exception {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        awaitEnd(key);
        int total = messages(key).size();
        List<Event> resumed = read(key, "3");
        List<Event> fresh = resumed.stream().filter(e -> e.name().equals("message")).toList();
        assertThat(fresh).hasSize(total - 3);
        assertThat(fresh.get(0).id()).isEqualTo("4");
    }

    @Test
    void longPollAnswersWhenTheOperationEnds() {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 100}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        JsonNode op = api.get(OPS + "/" + key + "?waitSeconds=30").json();
        assertThat(op.get("status").asString()).isEqualTo("Finished");
        assertThat(api.get(OPS + "/" + key + "?waitSeconds=30").json().get("status").asString())
                .as("an ended operation answers at once").isEqualTo("Finished");
    }

    @Test
    void longPollTimesOutWithTheOperationStillRunning() {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 3000}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(api.get(OPS + "/" + key + "?waitSeconds=1").json().get("status").asString())
                .isEqualTo("Running");
    }

    @Test
    void badWaitOrResumeValuesThen400AndNoViewPermissionThen403() throws Exception {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        api.get(OPS + "/" + key + "?waitSeconds=0").problem(400);
        api.get(OPS + "/" + key + "?waitSeconds=61").problem(400);
        Api outsider = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.PRODUCTION)));
        outsider.get(OPS + "/" + key + "/events").problem(403);
        outsider.get(OPS + "/" + key + "?waitSeconds=5").problem(403);
        api.get(OPS + "/" + java.util.UUID.randomUUID() + "/events").problem(404);
    }

    @Test
    void aFollowerThatHangsUpMidStreamIsNotAServerError(CapturedOutput output) throws Exception {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), "{\"stepMillis\": 1500}");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        URI uri = URI.create(baseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + OPS + "/" + key + "/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + api.token() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("event:")) {
                // up to the first event: the stream is open and the server holds it
            }
            assertThat(line).isEqualTo("event:status");
        }
        awaitEnd(key);
        String path = OPS + "/" + key + "/events";
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getAll().contains("The client closed the connection during GET " + path));
        assertThat(output.getAll()).doesNotContain("Unexpected error on GET " + path);
    }

    /** Reads the whole stream (it closes by itself after the terminal status). */
    private List<Event> read(String key, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + OPS + "/" + key + "/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + api.token());
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(id, name, Api.JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        }
        return events;
    }
}
