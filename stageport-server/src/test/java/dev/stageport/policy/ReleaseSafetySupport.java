package dev.stageport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.deployments.DeploymentTestSupport;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

/** Helpers of the release-safety tests: one engine cycle at a time, stage policies put back afterwards. */
abstract class ReleaseSafetySupport extends OneTickServerTest {

    static final String OPS = "/api/deployments/v1/deployment-operations";
    static final String APPROVALS = "/api/stageport/v1/approvals";

    static String policy(String env) {
        return "/api/stageport/v1/environments/" + env + "/policy";
    }

    static String deployBody(String env, String asset, String build, int revision) {
        return DeploymentTestSupport.deployBody(env, asset, build, revision);
    }

    static String opBody(String operation, String env, String asset) {
        return DeploymentTestSupport.opBody(operation, env, asset);
    }

    /** Every test leaves the demo stages with an empty policy, as it found them. */
    @AfterEach
    void emptyPolicies() {
        for (String env : List.of(DemoData.DEVELOPMENT, DemoData.QA, DemoData.PRODUCTION)) {
            assertThat(api.put(policy(env), "{}").status()).isEqualTo(200);
        }
        tickUntilIdle();
    }

    void putPolicy(String env, String json) {
        Api.Response r = api.put(policy(env), json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    String start(Api client, String body) {
        Api.Response r = client.post(OPS, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("Running");
        return r.json().get("key").asString();
    }

    /** Deploys and runs the engine until the operation ended; asserts it Finished. */
    String deployed(String env, TestApp app, String build, int revision) {
        String key = start(api, deployBody(env, app.key(), build, revision));
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Finished");
        return key;
    }

    String status(String key) {
        return api.get(OPS + "/" + key).json().get("status").asString();
    }

    List<String> messages(String key) {
        List<String> texts = new ArrayList<>();
        for (JsonNode m : api.get(OPS + "/" + key + "/messages").json().get("results")) {
            texts.add(m.get("additionalInfo").path("stepId").asString("") + ": " + m.get("message").asString());
        }
        return texts;
    }
}
