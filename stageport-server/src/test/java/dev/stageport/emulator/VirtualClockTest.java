package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.ApiClient;
import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The virtual clock over HTTP, and every time rule following it. No test assumes where the clock stands. */
class VirtualClockTest extends EmulatorServerTest {

    private static final String CLOCK = EMULATOR + "/clock";
    private static final String ENVIRONMENTS = "/api/portfolios/v1/environments";

    @Autowired
    SimulatedRuntime runtime;

    @Test
    void getShowsTheClockAndAdvanceMovesItForward() {
        JsonNode before = api.get(CLOCK).json();
        Instant was = Instant.parse(before.get("now").asString());
        assertThat(Instant.parse(before.get("startedAt").asString())).isBeforeOrEqualTo(was);

        JsonNode after = api.post(CLOCK, "{\"advance\":\"PT1H\"}").json();
        assertThat(Instant.parse(after.get("now").asString())).isAfterOrEqualTo(was.plus(Duration.ofHours(1)));
        assertThat(Duration.parse(after.get("offset").asString())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        assertThat(clock.instant()).isAfterOrEqualTo(was.plus(Duration.ofHours(1)));
    }

    @Test
    void setMovesTheClockToATimeAndNeverBeforeTheStart() {
        Instant target = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode set = api.post(CLOCK, "{\"set\":\"" + target + "\"}").json();
        assertThat(Instant.parse(set.get("now").asString())).isBetween(target, target.plusSeconds(5));

        JsonNode problem = api.post(CLOCK, "{\"set\":\"2001-01-01T00:00:00Z\"}").problem(400);
        assertThat(problem.get("detail").asString()).contains("'set'");
        assertThat(api.post(CLOCK, "{\"advance\":\"-P36500D\"}").problem(400).get("detail").asString())
                .contains("'advance'");
        assertThat(api.post(CLOCK, "{\"advance\":\"soon\"}").problem(400).get("detail").asString())
                .contains("'advance'");
        assertThat(api.post(CLOCK, "{\"set\":\"tomorrow\"}").problem(400).get("detail").asString()).contains("'set'");
        api.post(CLOCK, "{}").problem(400);
        api.post(CLOCK, "{\"advance\":\"PT1S\",\"set\":\"" + target + "\"}").problem(400);
        assertThat(clock.instant()).isBefore(target.plus(Duration.ofHours(1)));
    }

    @Test
    void theClockCannotGoBackBeforeTheSeedWasApplied() {
        Instant seededAt = clients.find(SEEDED_CLIENT).orElseThrow().createdAt();
        Instant earliest = Instant.parse(api.get(CLOCK).json().get("startedAt").asString());
        assertThat(earliest).isAfterOrEqualTo(seededAt);
        assertThat(api.post(CLOCK, "{\"set\":\"" + seededAt.minusMillis(1) + "\"}").problem(400).get("detail")
                .asString()).contains("'set'", "seed");
    }

    @Test
    void aTwelveHourTokenIsRefusedOnceTheClockMoves13HoursAndANewOneWorks() {
        String old = api.token();
        assertThat(api.get(ENVIRONMENTS).status()).isEqualTo(200);
        api.post(CLOCK, "{\"advance\":\"PT13H\"}");

        assertThat(api.withToken(old).get(ENVIRONMENTS).status()).isEqualTo(401);
        Api fresh = new Api(baseUrl());
        Api.Response token = fresh.form("/identity/oauth2/token", "grant_type=client_credentials&client_id="
                + CLIENT_ID + "&client_secret=" + CLIENT_SECRET);
        assertThat(token.json().get("expires_in").asInt()).isEqualTo(43200);
        fresh.login(CLIENT_ID, CLIENT_SECRET);
        assertThat(fresh.get(ENVIRONMENTS).status()).as("a token issued on the moved clock").isEqualTo(200);
        api.login(CLIENT_ID, CLIENT_SECRET);
        assertThat(journal("POST", "/identity/oauth2/token")).extracting(e -> e.get("clientId").asString())
                .contains(CLIENT_ID);
    }

    @Test
    void aClientSecretIsRefusedOnceTheClockPassesItsExpiry() {
        String id = "expiring-" + UUID.randomUUID();
        String secret = secrets.generate();
        Instant now = clock.instant();
        clients.upsert(new ApiClient(id, id, null, secrets.hash(secret), now.plus(Duration.ofHours(1)),
                ApiClient.Status.ACTIVE, now), Map.of());
        String form = "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret;
        assertThat(api.form("/identity/oauth2/token", form).status()).isEqualTo(200);

        api.post(CLOCK, "{\"advance\":\"PT2H\"}");
        assertThat(api.form("/identity/oauth2/token", form).status()).isEqualTo(401);
    }

    @Test
    void anIdempotencyKeyIsForgottenOnceTheClockPassesItsExpiry() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = "{\"method\":\"GET\",\"path\":\"/api/builds/v1/build-operations\",\"status\":500,\"times\":1}";
        String other = first.replace("500", "503");
        assertThat(postWithKey(key, first).statusCode()).isEqualTo(201);
        assertThat(postWithKey(key, other).statusCode()).as("the key is still remembered").isEqualTo(422);

        api.post(CLOCK, "{\"advance\":\"PT25H\"}");
        api.login(CLIENT_ID, CLIENT_SECRET);
        assertThat(postWithKey(key, other).statusCode()).as("kept 24 h").isEqualTo(201);
    }

    @Test
    void aDeployOfTwentySimulatedMinutesFinishesOnceTheClockPassesThem() throws Exception {
        TestApp app = newApp();
        simulate(QA, app.key(), 400_000);
        String op = api.post(OPS, deployBody(QA, app.key(), app.release1(), 1)).json().get("key").asString();
        awaitRuntimeCall(op);

        api.post(CLOCK, "{\"advance\":\"PT21M\"}");
        assertThat(awaitEnd(op).get("status").asString()).isEqualTo("Finished");
    }

    @Test
    void aStageDeadlinePassesWhenTheClockMovesPastIt() throws Exception {
        TestApp app = newApp();
        String policy = "/api/stageport/v1/environments/" + DEVELOPMENT + "/policy";
        assertThat(api.put(policy, "{\"maxOperationSeconds\":600}").status()).isBetween(200, 204);
        try {
            simulate(DEVELOPMENT, app.key(), 3_600_000);
            String op = api.post(OPS, deployBody(DEVELOPMENT, app.key(), app.release1(), 1)).json()
                    .get("key").asString();
            awaitRuntimeCall(op);

            api.post(CLOCK, "{\"advance\":\"PT11M\"}");
            assertThat(awaitEnd(op).get("status").asString()).isEqualTo("FinishedWithError");
            assertThat(api.get(OPS + "/" + op + "/messages").body()).contains("The deadline of 600 s passed");
        } finally {
            api.put(policy, "{}");
        }
    }

    @Test
    void aFreezeWindowOpensAndClosesAsTheClockMoves() throws Exception {
        TestApp app = newApp();
        String windows = "/api/stageport/v1/environments/" + DEVELOPMENT + "/freeze-windows";
        Instant start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofHours(1));
        Api.Response window = api.post(windows, "{\"name\":\"Quiet hour\",\"start\":\"" + start + "\",\"end\":\""
                + start.plus(Duration.ofHours(1)) + "\"}");
        assertThat(window.status()).as(window.body()).isEqualTo(201);
        try {
            api.post(CLOCK, "{\"set\":\"" + start + "\"}");
            api.login(CLIENT_ID, CLIENT_SECRET);
            JsonNode frozen = api.post(OPS, deployBody(DEVELOPMENT, app.key(), app.release1(), 1)).problem(409);
            assertThat(frozen.get("detail").asString()).contains("Quiet hour");

            api.post(CLOCK, "{\"advance\":\"PT1H\"}");
            api.login(CLIENT_ID, CLIENT_SECRET);
            String op = api.post(OPS, deployBody(DEVELOPMENT, app.key(), app.release1(), 1)).json().get("key")
                    .asString();
            assertThat(awaitEnd(op).get("status").asString()).isEqualTo("Finished");
        } finally {
            api.delete(windows + "/" + window.json().get("key").asString());
        }
    }

    @Test
    void anApprovalTimesOutWhenTheClockPassesItsTimeout() throws Exception {
        TestApp app = newApp();
        String policy = "/api/stageport/v1/environments/" + DEVELOPMENT + "/policy";
        assertThat(api.put(policy, "{\"requiredApprovals\":1,\"approvers\":[\"" + SEEDED_CLIENT
                + "\"],\"approvalTimeoutMinutes\":30}").status()).isBetween(200, 204);
        try {
            String op = api.post(OPS, deployBody(DEVELOPMENT, app.key(), app.release1(), 1)).json().get("key")
                    .asString();
            awaitMessage(op, "approv");
            assertThat(api.get(OPS + "/" + op).json().get("status").asString()).isEqualTo("Running");

            api.post(CLOCK, "{\"advance\":\"PT31M\"}");
            assertThat(awaitEnd(op).get("status").asString()).isEqualTo("FinishedWithError");
            assertThat(api.get(OPS + "/" + op + "/messages").body()).contains("The approval time ran out");
        } finally {
            api.put(policy, "{}");
        }
    }

    /** Waits (bounded) until one of the operation's messages contains {@code text}. */
    private void awaitMessage(String op, String text) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!api.get(OPS + "/" + op + "/messages").body().contains(text)) {
            assertThat(System.currentTimeMillis()).as("operation %s never said '%s'", op, text).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void simulate(String env, String asset, int stepMillis) {
        Api.Response r = api.put("/api/stageport/v1/environments/" + env + "/assets/" + asset + "/simulation",
                "{\"stepMillis\":" + stepMillis + ",\"failStep\":null,\"failMessage\":null}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    /** Waits (bounded) until the operation's first simulated step has started and planned its end. */
    private void awaitRuntimeCall(String op) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (runtime.calls(op, SimulatedRuntime.PROVISION) == 0) {
            assertThat(System.currentTimeMillis()).as("operation %s never reached Provision", op).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> postWithKey(String key, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + EMULATOR + "/faults"))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
