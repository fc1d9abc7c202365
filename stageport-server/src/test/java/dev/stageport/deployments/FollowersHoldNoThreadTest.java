package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waiting followers hold a connection, not a request thread: with 20 request threads, 300
 * event streams and 300 long polls wait at once, the cancels that end their operations are
 * still served, and every follower hears the end. Were a thread held per waiting client,
 * at most 20 could be registered and the cancels would queue behind them forever.
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=" + FollowersHoldNoThreadTest.REQUEST_THREADS,
        "server.tomcat.threads.min-spare=2"})
@org.junit.jupiter.api.Tag(dev.stageport.support.ServerTest.WEB_LAYER)
class FollowersHoldNoThreadTest extends DeploymentTestSupport {

    static final int REQUEST_THREADS = 20;
    static final int FOLLOWERS = 300;
    static final int OPERATIONS = 3;

    @Autowired
    OperationEvents events;

    @Test
    void threeHundredStreamsAndThreeHundredLongPollsWaitOnTwentyRequestThreadsAndAllHearTheEnd() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            TestApp app = newApp();
            simulate(DemoData.QA, app.key(), "{\"stepMillis\": 600000}");
            keys.add(start(deployBody(DemoData.QA, app.key(), app.release1(), 1)));
        }
        int before = events.followers();
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        try {
            for (int i = 0; i < FOLLOWERS; i++) {
                String key = keys.get(i % OPERATIONS);
                streams.add(http.sendAsync(request(OPS + "/" + key + "/events", "text/event-stream"),
                        HttpResponse.BodyHandlers.ofString()));
                polls.add(http.sendAsync(request(OPS + "/" + key + "?waitSeconds=60", "application/json"),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> events.followers() - before >= 2 * FOLLOWERS);
            assertThat(streams).noneMatch(CompletableFuture::isDone);
            assertThat(polls).noneMatch(CompletableFuture::isDone);

            for (String key : keys) {
                assertThat(api.post("/api/stageport/v1/deployment-operations/" + key + "/cancel",
                        "{\"reason\": \"followers heard\"}").status()).isEqualTo(202);
            }
            for (CompletableFuture<HttpResponse<String>> stream : streams) {
                HttpResponse<String> response = stream.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(lastStatusEvent(response.body())).contains("\"status\":\"FinishedWithError\"");
            }
            for (CompletableFuture<HttpResponse<String>> poll : polls) {
                HttpResponse<String> response = poll.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JsonMapper.builder().build().readTree(response.body()).get("status").asString())
                        .isEqualTo("FinishedWithError");
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.followers() <= before);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private HttpRequest request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", accept).header("Authorization", "Bearer " + api.token()).build();
    }

    private static String lastStatusEvent(String stream) {
        int at = stream.lastIndexOf("event:status");
        assertThat(at).as("a status event in %s", stream).isNotNegative();
        return stream.substring(at);
    }
}
