package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live operation page's event stream over real HTTP: rendered fragments pushed, session-only, per stage. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleLiveEventsTest extends ServerTest {

    static final String QA = ConsolePagesTest.QA;
    static final String DEVELOPMENT = ConsolePagesTest.DEVELOPMENT;
    static final String POLICY = "/api/stageport/v1/environments/" + QA + "/policy";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    @AfterEach
    void emptyPolicy() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
    }

    private String deployToQa(TestApp app) {
        Api.Response r = api.post(OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key() + "\",\"buildKey\":\""
                + app.release1() + "\",\"revision\":1,\"environmentKey\":\"" + QA + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    /** A Deploy that stays Running until it is decided or cancelled: QA wants an approval first. */
    private String waitingDeploy() {
        assertThat(api.put(POLICY, "{\"requiredApprovals\":1}").status()).isEqualTo(200);
        return deployToQa(newApp());
    }

    private ConsoleSession admin() {
        ConsoleSession browser = new ConsoleSession(baseUrl());
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }

    private static int messageEvents(String stream) {
        return stream.split("event:message", -1).length - 1;
    }

    @Test
    void anEndedOperationStreamsItsMessagesAndFinalStatusAsRenderedHtmlThenEnds() throws Exception {
        String op = deployToQa(newApp());
        assertThat(awaitStatus(api, OPS + "/" + op, "Running").get("status").asString()).isEqualTo("Finished");
        ConsoleSession browser = admin();

        HttpResponse<String> stream = browser.get("/console/operations/" + op + "/events");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.body()).contains("event:message", "<li class=\"severity-", "event:status",
                "id=\"op-status\"", ">Finished</strong>", "event:ended", "id=\"op-ended\"");
        assertThat(stream.body().indexOf("event:ended")).isGreaterThan(stream.body().lastIndexOf("event:status"));
    }

    @Test
    void aStreamResumesAfterTheMessagesThePageOrTheLastEventAlreadyShowed() throws Exception {
        String op = deployToQa(newApp());
        assertThat(awaitStatus(api, OPS + "/" + op, "Running").get("status").asString()).isEqualTo("Finished");
        int total = api.get(OPS + "/" + op + "/messages").json().get("results").size();
        ConsoleSession browser = admin();
        String path = "/console/operations/" + op + "/events";

        String all = browser.get(path).body();
        String afterPage = browser.get(path + "?after=" + total).body();
        String afterReconnect = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path + "?after=0"))
                .header("Last-Event-ID", Integer.toString(total)).GET().build()).body();

        assertThat(total).isPositive();
        assertThat(messageEvents(all)).isPositive();
        assertThat(afterPage).contains("event:status", "event:ended").doesNotContain("event:message");
        assertThat(afterReconnect).contains("event:status", "event:ended").doesNotContain("event:message");
    }

    @Test
    void aChangeToARunningOperationIsPushedToTheOpenStreamWhichEndsWithIt() throws Exception {
        String op = waitingDeploy();
        ConsoleSession browser = admin();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/console/operations/" + op + "/events"))
                .header("Cookie", browser.cookie()).GET().build();
        CompletableFuture<HttpResponse<Void>> open = java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    r.body().forEach(lines::add);
                    return null;
                });

        // the stream opens with the current status; only then cancel, so the end must be pushed
        String line;
        do {
            line = lines.poll(60, TimeUnit.SECONDS);
        } while (line != null && !line.contains(">Running</strong>"));
        assertThat(line).as("the opening status").isNotNull();
        assertThat(api.post("/api/stageport/v1/deployment-operations/" + op + "/cancel",
                "{\"reason\":\"stop the test\"}").status()).isEqualTo(202);
        open.get(60, TimeUnit.SECONDS);

        String rest = String.join("\n", lines);
        assertThat(rest).contains(">FinishedWithError</strong>", "stop the test", "event:ended");
    }

    @Test
    void theLivePageFollowsTheStreamAndOffersPollingAsTheFallback() {
        String op = waitingDeploy();
        ConsoleSession browser = admin();
        try {
            String live = browser.get("/console/operations/" + op).body();
            String polling = browser.get("/console/operations/" + op + "?poll=true").body();

            assertThat(live).contains("hx-ext=\"sse\"", "sse-connect=\"/console/operations/" + op + "/events?after=",
                    "sse-close=\"ended\"", "sse-swap=\"message\"", "/console/webjars/htmx-ext-sse/", "/sse.js",
                    "?poll=true").doesNotContain("every 1s");
            assertThat(polling).contains("hx-get=\"/console/operations/" + op + "/live\"", "hx-trigger=\"every 1s\"")
                    .doesNotContain("sse-connect");
            assertThat(browser.get("/console/webjars/htmx-ext-sse/sse.js").statusCode()).isEqualTo(200);
        } finally {
            api.post("/api/stageport/v1/deployment-operations/" + op + "/cancel", "{\"reason\":\"test over\"}");
        }
    }

    @Test
    void aUserWithoutStageViewAndABearerTokenGetNoStream() throws Exception {
        String op = deployToQa(newApp());
        awaitStatus(api, OPS + "/" + op, "Running");
        ConsoleSession devOnly = ConsoleSession.newUser(api, baseUrl(), "dev-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"" + DEVELOPMENT + "\"}]");
        String path = "/console/operations/" + op + "/events";

        HttpResponse<String> refused = devOnly.get(path);
        HttpResponse<String> bearer = new ConsoleSession(baseUrl()).send(HttpRequest.newBuilder(
                URI.create(baseUrl() + path)).header("Authorization", "Bearer " + api.token()).GET().build());
        HttpResponse<String> malformed = admin().get("/console/operations/not-a-key/events");

        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(refused.body()).doesNotContain("event:");
        assertThat(bearer.statusCode()).isEqualTo(302);
        assertThat(bearer.headers().firstValue("Location").orElseThrow()).contains("/console/login");
        assertThat(malformed.statusCode()).isEqualTo(400);
    }
}
