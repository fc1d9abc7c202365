package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stage policy blockBreakingDeploys: a Deploy whose deployment analysis finds an Error is refused with 409. */
class BreakingDeployPolicyTest extends DependencyTestSupport {

    private static final String POLICY = "/api/stageport/v1/environments/" + DemoData.QA + "/policy";
    private static final String OPS = "/api/deployments/v1/deployment-operations";

    @AfterEach
    void advisoryAgain() {
        api.put(POLICY, "{}");
    }

    @Test
    void aDeployThatWouldBreakIsRefusedNamingTheAnalysisOnlyWhereThePolicySaysSo() throws Exception {
        UUID producer = uploadManifest(app(UUID.randomUUID(), unique("Producer app"), "[]",
                "[" + GREETING_ACTION + "]", "[]"));
        UUID consumer = uploadManifest(app(UUID.randomUUID(), unique("Consumer app"), "[]", "[]",
                "[" + uses(producer, "GetGreeting") + "]"));
        String build = releaseBuild(consumer);
        assertThat(api.put(POLICY, "{\"blockBreakingDeploys\": true}").status()).isEqualTo(200);
        assertThat(api.get(POLICY).json().get("blockBreakingDeploys").asBoolean()).isTrue();

        Api.Response refused = deploy(consumer, build);
        JsonNode problem = refused.problem(409);
        String detail = problem.get("detail").asString();
        assertThat(detail).contains("blockBreakingDeploys", "MissingApplication", producer.toString());
        String analysis = detail.replaceAll(".*deployment analysis ([0-9a-f-]{36}).*", "$1");
        JsonNode result = ok(api.get(DM + "/deployment-analyses/" + analysis));
        assertThat(result.get("report").get("status").asString()).isEqualTo("ErrorsFound");
        assertThat(api.get(OPS + "?assetKey=" + consumer).json().get("results")).as("nothing recorded").isEmpty();

        assertThat(api.put(POLICY, "{\"blockBreakingDeploys\": false}").status()).isEqualTo(200);
        assertThat(deploy(consumer, build).status()).as("advisory: ODC's behaviour").isEqualTo(201);
    }

    @Test
    void aDeployThatBreaksNothingGoesAheadUnderThePolicy() throws Exception {
        UUID app = uploadManifest(app(UUID.randomUUID(), unique("Lonely app"), "[]", "[]", "[]"));
        String build = releaseBuild(app);
        assertThat(api.put(POLICY, "{\"blockBreakingDeploys\": true}").status()).isEqualTo(200);

        Api.Response started = deploy(app, build);

        assertThat(started.status()).as(started.body()).isEqualTo(201);
    }

    @Test
    void aPolicyValueThatIsNotABooleanIsABadRequest() {
        assertThat(api.put(POLICY, "{\"blockBreakingDeploys\": \"sometimes\"}").problem(400).get("detail").asString())
                .isNotBlank();
    }

    private String releaseBuild(UUID asset) throws InterruptedException {
        Api.Response started = api.post("/api/builds/v1/build-operations",
                "{\"assetKey\": \"" + asset + "\", \"assetRevision\": 1, \"buildType\": \"Release\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String key = started.json().get("buildKey").asString();
        JsonNode done = awaitStatus(api, "/api/builds/v1/build-operations/" + key, "Pending", "Running");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Finished");
        return key;
    }

    private Api.Response deploy(UUID asset, String build) {
        return api.post(OPS, "{\"operation\": \"Deploy\", \"assetKey\": \"" + asset + "\", \"buildKey\": \"" + build
                + "\", \"revision\": 1, \"environmentKey\": \"" + DemoData.QA + "\"}");
    }
}
