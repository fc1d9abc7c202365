package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Cancel and deadlines of deployment operations, driven one engine cycle at a time. */
class OperationCancelTest extends OneTickServerTest {

    static final String OPS = "/api/deployments/v1/deployment-operations";
    static final String CANCEL = "/api/stageport/v1/deployment-operations/%s/cancel";

    @Autowired
    SimulatedRuntime simulated;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.stageport.portfolio.DeployedAssetRepository deployedAssets;

    private String start(String env, TestApp app, String build, int revision) {
        Api.Response r = api.post(OPS, DeploymentTestSupport.deployBody(env, app.key(), build, revision));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private String deployed(TestApp app, String env) {
        String key = start(env, app, app.release1(), 1);
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Finished");
        return key;
    }

    @Test
    void cancelInterruptsAWaitingStepUndoesTheCandidateAndThePreviousRevisionKeepsServing() throws Exception {
        TestApp app = newApp();
        String first = deployed(app, DemoData.QA);
        Api.Response sim = api.put("/api/stageport/v1/environments/" + DemoData.QA + "/assets/" + app.key()
                + "/simulation", "{\"stepMillis\": 60000}");
        assertThat(sim.status()).as(sim.body()).isEqualTo(204);
        String key = start(DemoData.QA, app, app.release2(), 2);

        CompletableFuture<Boolean> cycle = CompletableFuture.supplyAsync(this::tick);
        awaitStep(key, "Provision");
        Api.Response cancel = api.post(CANCEL.formatted(key), "{\"reason\": \"wrong build\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(cycle.get(30, TimeUnit.SECONDS)).as("the 60 s step was cut short").isTrue();

        assertThat(status(key)).isEqualTo("FinishedWithError");
        JsonNode error = last(key);
        assertThat(error.get("severity").asString()).isEqualTo("Error");
        assertThat(error.get("message").asString()).contains("Cancelled by " + CLIENT_ID + ": wrong build")
                .contains("what ran before keeps serving");
        assertThat(simulated.calls(key, SimulatedRuntime.ACTIVATE)).isZero();
        assertThat(simulated.calls(key, "Discard")).isEqualTo(1);
        assertThat(deployedAssets.find(DemoData.QA, app.key()).orElseThrow().deploymentKey()).isEqualTo(first);
        api.put("/api/stageport/v1/environments/" + DemoData.QA + "/assets/" + app.key() + "/simulation",
                "{\"stepMillis\": 0}");
    }

    @Test
    void cancelBeforeTheFirstStepRunsNothingAgainstTheRuntime() {
        TestApp app = newApp();
        String key = start(DemoData.QA, app, app.release1(), 1);
        assertThat(api.post(CANCEL.formatted(key), "{\"reason\": \"not now\"}").status()).isEqualTo(202);
        assertThat(tick()).isTrue();
        assertThat(status(key)).isEqualTo("FinishedWithError");
        assertThat(last(key).get("message").asString()).contains("Cancelled by " + CLIENT_ID + ": not now");
        assertThat(simulated.calls(key, SimulatedRuntime.PROVISION)).isZero();
    }

    @Test
    void cancelOfAFinishedOperationIs409AndOfAnUnknownOne404() {
        TestApp app = newApp();
        String key = deployed(app, DemoData.QA);
        JsonNode problem = api.post(CANCEL.formatted(key), "{\"reason\": \"late\"}").problem(409);
        assertThat(problem.get("detail").asString()).contains(key).contains("Finished");
        api.post(CANCEL.formatted(UUID.randomUUID()), "{\"reason\": \"who\"}").problem(404);
        api.post(CANCEL.formatted("not-a-key"), "{\"reason\": \"who\"}").problem(400);
    }

    @Test
    void cancelNeedsDeployAppsOnTheStageAndAReason() {
        TestApp app = newApp();
        String key = start(DemoData.PRODUCTION, app, app.release1(), 1);
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.PRODUCTION),
                Permission.DEPLOY_APPS, Set.of(DemoData.QA)));
        viewer.post(CANCEL.formatted(key), "{\"reason\": \"mine\"}").problem(403);
        JsonNode missing = api.post(CANCEL.formatted(key), "{}").problem(400);
        assertThat(missing.get("detail").asString()).contains("'reason'");
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Finished");
    }

    @Test
    void anOperationPastItsStagesDeadlineIsStoppedAndSaysWhichStep() {
        String policy = "/api/stageport/v1/environments/" + DemoData.PRODUCTION + "/policy";
        assertThat(api.put(policy, "{\"maxOperationSeconds\": 60}").status()).isEqualTo(200);
        try {
            TestApp app = newApp();
            String key = start(DemoData.PRODUCTION, app, app.release1(), 1);
            clock.advance(Duration.ofSeconds(61));
            assertThat(tick()).isTrue();
            assertThat(status(key)).isEqualTo("FinishedWithError");
            assertThat(last(key).get("message").asString()).contains("deadline of 60 s passed during step Validate");
            assertThat(deployedAssets.find(DemoData.PRODUCTION, app.key())).isEmpty();
        } finally {
            api.put(policy, "{\"maxOperationSeconds\": null}");
        }
    }

    @Test
    void policyRefusesDeadlinesThatAreNotPositiveOrLongerThanAWeek() {
        String policy = "/api/stageport/v1/environments/" + DemoData.QA + "/policy";
        for (String bad : List.of("0", "-5", "604801")) {
            JsonNode problem = api.put(policy, "{\"maxOperationSeconds\": " + bad + "}").problem(400);
            assertThat(problem.get("detail").asString()).contains("maxOperationSeconds");
        }
        api.put("/api/stageport/v1/environments/" + UUID.randomUUID() + "/policy", "{\"maxOperationSeconds\": 5}")
                .problem(404);
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        assertThat(viewer.get(policy).status()).isEqualTo(200);
        viewer.put(policy, "{\"maxOperationSeconds\": 5}").problem(403);
    }

    private void awaitStep(String key, String step) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            String current = jdbc.sql("select current_step from work_item where op_key = ?").param(key)
                    .query((rs, n) -> String.valueOf(rs.getString(1))).single();
            if (step.equals(current)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("operation " + key + " never reached step " + step);
    }

    private String status(String key) {
        return api.get(OPS + "/" + key).json().get("status").asString();
    }

    private JsonNode last(String key) {
        List<JsonNode> all = new ArrayList<>();
        api.get(OPS + "/" + key + "/messages").json().get("results").forEach(all::add);
        return all.get(all.size() - 1);
    }
}
