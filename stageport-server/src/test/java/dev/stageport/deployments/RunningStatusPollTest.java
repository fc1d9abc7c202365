package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.ApiClient;
import dev.stageport.identity.CallerDirectory;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * Polls of running operations answered from the kept status (and before the security chain
 * once the token is known): every answer must be what a read of the database gives at that
 * moment, header by header the full path's, and the refusals stay refusals.
 */
class RunningStatusPollTest extends OneTickServerTest {

    private static final String OPS = DeploymentTestSupport.OPS;
    private static final String POLICY = "/api/stageport/v1/environments/" + DemoData.PRODUCTION + "/policy";

    @Autowired
    MeterRegistry meters;
    @Autowired
    CallerDirectory callers;
    @Autowired
    DeploymentRepository operations;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void emptyPolicy() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
        tickUntilIdle();
    }

    private double answeredEarly() {
        return meters.counter("stageport.status.fast.path").count();
    }

    private HttpResponse<String> poll(Api client, String key) {
        return StatusPolls.poll(baseUrl(), client.token(), OPS + "/" + key);
    }

    /** The body a read of the database gives now, serialized by the server's mapper. */
    private String stored(String key) {
        return json.writeValueAsString(DeploymentOperationResponse.of(operations.find(key).orElseThrow()));
    }

    private String start(TestApp app, String env) {
        Api.Response r = api.post(OPS, DeploymentTestSupport.deployBody(env, app.key(), app.release1(), 1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    /** A Deploy waiting in AwaitApproval: Running, with the messages of its first steps. */
    private String waitingForApproval() {
        assertThat(api.put(POLICY, "{\"requiredApprovals\": 1}").status()).isEqualTo(200);
        String key = start(newApp(), DemoData.PRODUCTION);
        tickUntilIdle();
        assertThat(api.get(OPS + "/" + key + "/messages").json().get("results").toString())
                .contains("Waiting for approval");
        return key;
    }

    /** The first poll with a new token takes the full path, the second the early one: both must be the same. */
    private HttpResponse<String> fullThenEarly(Api client, String key) {
        HttpResponse<String> full = poll(client, key);
        double before = answeredEarly();
        HttpResponse<String> early = poll(client, key);
        assertThat(answeredEarly()).as("answered before the security chain").isEqualTo(before + 1);
        assertThat(early.statusCode()).isEqualTo(full.statusCode()).isEqualTo(200);
        assertThat(early.body()).isEqualTo(full.body()).isEqualTo(stored(key));
        assertThat(StatusPolls.headersWithoutDate(early)).isEqualTo(StatusPolls.headersWithoutDate(full));
        return early;
    }

    /** The first poll after a change: what the database says now, through the full path. */
    private HttpResponse<String> changedPoll(Api client, String key) {
        double before = answeredEarly();
        HttpResponse<String> changed = poll(client, key);
        assertThat(answeredEarly()).as("the change dropped the kept answer").isEqualTo(before);
        assertThat(changed.body()).isEqualTo(stored(key));
        return changed;
    }

    private HttpResponse<String> earlyPoll(Api client, String key) {
        double before = answeredEarly();
        HttpResponse<String> early = poll(client, key);
        assertThat(answeredEarly()).isEqualTo(before + 1);
        assertThat(early.body()).isEqualTo(stored(key));
        return early;
    }

    @Test
    void runningOperationWithoutMessagesIsAnsweredEarlyAsTheFullPathAnswersIt() {
        String key = start(newApp(), DemoData.QA);
        assertThat(api.get(OPS + "/" + key + "/messages").json().get("results").size()).isZero();
        HttpResponse<String> early = fullThenEarly(clientWith(everywhere(Permission.STAGE_VIEW)), key);
        assertThat(early.body()).contains("\"status\":\"Running\"").doesNotContain("finishedDateTime");
    }

    @Test
    void runningOperationWithMessagesIsAnsweredEarlyAsTheFullPathAnswersIt() {
        String key = waitingForApproval();
        assertThat(fullThenEarly(clientWith(everywhere(Permission.STAGE_VIEW)), key).body())
                .contains("\"status\":\"Running\"");
    }

    @Test
    void finishWrittenOnThisReplicaIsInTheVeryNextPoll() {
        String key = start(newApp(), DemoData.QA);
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        fullThenEarly(client, key);
        tickUntilIdle();
        assertThat(changedPoll(client, key).body()).contains("\"status\":\"Finished\"", "finishedDateTime");
        assertThat(earlyPoll(client, key).body()).contains("\"status\":\"Finished\"");
        assertThat(fullThenEarly(clientWith(everywhere(Permission.STAGE_VIEW)), key).body())
                .contains("\"status\":\"Finished\"");
    }

    @Test
    void cancelShowsRunningUntilTheEngineEndsItThenFinishedWithErrorInTheNextPoll() {
        String key = waitingForApproval();
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        fullThenEarly(client, key);
        Api.Response cancel = api.post("/api/stageport/v1/deployment-operations/" + key + "/cancel",
                "{\"reason\":\"not today\"}");
        assertThat(cancel.status()).as(cancel.body()).isBetween(200, 204);
        assertThat(earlyPoll(client, key).body()).contains("\"status\":\"Running\"");
        tickUntilIdle();
        assertThat(changedPoll(client, key).body()).contains("\"status\":\"FinishedWithError\"");
        assertThat(earlyPoll(client, key).body()).contains("\"status\":\"FinishedWithError\"");
        assertThat(api.get(OPS + "/" + key + "/messages").json().get("results").toString()).contains("not today");
    }

    @Test
    void endWrittenByAnotherReplicaIsSeenOnceTheKeptAnswerIsASweepOld() {
        String key = waitingForApproval();
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        fullThenEarly(client, key);
        // what another replica's worker writes: the row changes, this replica hears nothing
        Instant at = clock.instant();
        assertThat(operations.finish(key, OperationStatus.Running, OperationStatus.FinishedWithError, at, null))
                .isTrue();
        double before = answeredEarly();
        assertThat(poll(client, key).body()).as("within the bound").contains("\"status\":\"Running\"");
        assertThat(answeredEarly()).isEqualTo(before + 1);
        clock.advance(StatusResponses.RUNNING_FRESH.plusMillis(1));
        assertThat(changedPoll(client, key).body()).contains("\"status\":\"FinishedWithError\"");
    }

    @Test
    void onePollReadsTheOperationAgainShortlyBeforeTheKeptRunningAnswerExpires() {
        String key = waitingForApproval();
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        fullThenEarly(client, key);
        clock.advance(StatusResponses.RUNNING_FRESH.minus(StatusResponses.REFRESH_AHEAD).plusMillis(1));
        assertThat(operations.finish(key, OperationStatus.Running, OperationStatus.FinishedWithError,
                clock.instant(), null)).isTrue();   // another replica's write, unheard here
        assertThat(changedPoll(client, key).body()).as("the refreshing poll reads the database")
                .contains("\"status\":\"FinishedWithError\"");
        assertThat(earlyPoll(client, key).body()).contains("\"status\":\"FinishedWithError\"");
    }

    @Test
    void keptRunningAnswerIsStillRefusedWithoutStageViewOrForASuspendedClientOrABadToken() {
        String key = waitingForApproval();
        fullThenEarly(clientWith(everywhere(Permission.STAGE_VIEW)), key);
        Api elsewhere = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        poll(elsewhere, key);
        double before = answeredEarly();
        HttpResponse<String> refused = poll(elsewhere, key);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("lacks the permission");
        assertThat(StatusPolls.poll(baseUrl(), elsewhere.token() + "x", OPS + "/" + key).statusCode())
                .isEqualTo(401);
        assertThat(answeredEarly()).isEqualTo(before);

        Api suspended = clientWith(everywhere(Permission.STAGE_VIEW));
        assertThat(poll(suspended, key).statusCode()).isEqualTo(200);
        String id = StatusPolls.subject(suspended.token());
        ApiClient current = clients.find(id).orElseThrow();
        clients.upsert(new ApiClient(id, current.name(), null, current.secretHash(), current.secretExpiresAt(),
                ApiClient.Status.SUSPENDED, current.createdAt()), Map.of());
        callers.forget(id);
        assertThat(poll(suspended, key).statusCode()).isEqualTo(401);
    }
}
