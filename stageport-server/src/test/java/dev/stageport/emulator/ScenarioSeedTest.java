package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The server started with STAGEPORT_SEED=src/test/resources/emulator/scenario.yaml holds exactly that scenario. */
class ScenarioSeedTest extends EmulatorServerTest {

    @Autowired
    SeededFaults seededFaults;

    @Test
    void readinessIsUpWithTheSeedApplied() throws Exception {
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(api.get("/api/portfolios/v1/environments").body()).contains(QA);
    }

    @Test
    void theSeededStagesHaveTheirKeysNamesPurposesOrderAndRuntime() {
        JsonNode qa = stage(QA);
        assertThat(qa.get("name").asString()).isEqualTo("QA");
        assertThat(qa.get("purpose").asString()).isEqualTo("NonProduction");
        assertThat(qa.get("order").asInt()).isEqualTo(1);
        assertThat(stage(PRODUCTION).get("purpose").asString()).isEqualTo("Production");
        Api.Response environments = api.get("/api/portfolios/v1/environments");
        assertThat(environments.body()).doesNotContain("d0000000-0000-4000-8000-000000000001");
        assertThat(api.get("/api/stageport/v1/environments/" + QA + "/runtime").body()).contains("simulated");
    }

    private JsonNode stage(String key) {
        for (JsonNode stage : api.get("/api/portfolios/v1/environments").json().get("results")) {
            if (stage.get("key").asString().equals(key)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + key);
    }

    @Test
    void theSeededAssetsRevisionsAndBuildsAreThereWithTheirStatuses() {
        assertThat(api.get("/api/asset-repository/v1/assets/" + ORDERS).json().get("name").asString())
                .isEqualTo("Orders");
        assertThat(api.get("/api/asset-repository/v1/assets/" + ORDERS + "/revisions/2").status()).isEqualTo(200);
        assertThat(api.get("/api/builds/v1/build-operations/" + ORDERS_REV1_RELEASE).json().get("status")
                .asString()).isEqualTo("Finished");
        JsonNode debug = api.get("/api/builds/v1/build-operations/" + ORDERS_REV2_DEBUG).json();
        assertThat(debug.get("status").asString()).isEqualTo("FinishedWithErrors");
        assertThat(debug.get("buildType").asString()).isEqualTo("Debug");
        // the demo app, uploaded from its bundle file
        assertThat(api.get("/api/asset-repository/v1/assets/a0000000-0000-4000-8000-000000000001").json()
                .get("name").asString()).isEqualTo("Hello Settings");
    }

    @Test
    void theSeededConfigurationValuesArePendingInQaAndTheSecretIsNotShown() {
        String history = api.get("/api/stageport/v1/environments/" + QA + "/applications/" + ORDERS
                + "/configuration-history").body();
        assertThat(history).contains("Hello from QA", "(secret changed)").doesNotContain("qa-api-key");
    }

    @Test
    void theSeededClientLogsInWithItsSecretAndHoldsExactlyItsPermissions() {
        Api seeded = new Api(baseUrl());
        seeded.login(SEEDED_CLIENT, SEEDED_SECRET);
        assertThat(seeded.get("/api/portfolios/v1/environments").body()).contains(DEVELOPMENT, QA, PRODUCTION);
        String deploy = """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}""";
        seeded.post("/api/deployments/v1/deployment-operations", deploy.formatted(ORDERS, ORDERS_REV1_RELEASE,
                DEVELOPMENT)).problem(403);
        seeded.post("/api/stageport/v1/emulator/reset", "").problem(403);
    }

    @Test
    void theSeededFaultRulesAreKeptInSeedOrderForTheFaultFeature() {
        assertThat(seededFaults.all()).singleElement().asString()
                .contains("\"status\":429", "\"after\":2", "/api/deployments/v1/deployment-operations");
    }

    @Test
    void afterAResetTheSeededFaultRuleAnswersTheThirdDeploy429WithRetryAfter() throws Exception {
        addFault("""
                {"method":"GET","path":"/api/stageport/v1/audit-events","status":500}""");
        assertThat(api.post(EMULATOR + "/reset", "").status()).isEqualTo(204);

        JsonNode rules = api.get(EMULATOR + "/faults").json().get("results");
        assertThat(rules).as("only the seed's rule, counters at zero").singleElement()
                .satisfies(rule -> assertThat(rule.get("status").asInt()).isEqualTo(429))
                .satisfies(rule -> assertThat(rule.get("fired").asInt()).isZero());
        String body = deployBody(DEVELOPMENT, ORDERS, ORDERS_REV2_RELEASE, 2);
        for (int i = 0; i < 2; i++) {
            Api.Response deploy = api.post(OPS, body);
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
            awaitEnd(deploy.json().get("key").asString());
        }
        HttpResponse<String> third = raw("POST", OPS, body);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
        Api.Response fourth = api.post(OPS, body);
        assertThat(fourth.status()).as("'times' 1: the fourth goes through").isEqualTo(201);
        awaitEnd(fourth.json().get("key").asString());
        assertThat(journal("POST", OPS)).extracting(e -> e.get("status").asInt()).containsExactly(201, 201, 429, 201);
    }
}
