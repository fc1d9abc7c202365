package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/stageport/v1/environments/{env}/assets/{asset}/rollback over HTTP, on the simulated runtime. */
class RollbackTest extends DeploymentTestSupport {

    private static final String STAGE = DemoData.QA;

    private static String rollback(String asset) {
        return "/api/stageport/v1/environments/" + STAGE + "/assets/" + asset + "/rollback";
    }

    private void patch(TestApp app, int revision, String greeting, String token) {
        Api.Response r = api.patch("/api/asset-configurations/v1/environments/" + STAGE + "/applications/"
                + app.key() + "/configurations", """
                {"key":"%s","revisionBaseline":%d,"settings":[{"key":"%s","value":"%s"},{"key":"%s","value":"%s"}]}"""
                .formatted(app.key(), revision, app.greeting(), greeting, app.token(), token));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private JsonNode setting(TestApp app, int revision, String key) {
        JsonNode settings = api.get("/api/asset-configurations/v1/environments/" + STAGE + "/applications/"
                + app.key() + "/revisions/" + revision + "/configurations").json().get("settings");
        for (JsonNode s : settings) {
            if (s.get("key").asString().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key + " in " + settings);
    }

    private String deployed(TestApp app, int revision) {
        String op = start(deployBody(STAGE, app.key(), revision == 1 ? app.release1() : app.release2(), revision));
        assertThat(awaitEnd(op).get("status").asString()).isEqualTo("Finished");
        return op;
    }

    @Test
    void rollbackDeploysThePreviousBuildWithItsConfigurationAndLeavesTheStageValuesAsTheyAre() {
        TestApp app = newApp();
        patch(app, 1, "first", "token-one");
        String first = deployed(app, 1);
        patch(app, 2, "second", "token-two");
        String second = deployed(app, 2);
        assertThat(setting(app, 2, app.greeting()).get("deployedValue").asString()).isEqualTo("second");

        Api.Response r = api.post(rollback(app.key()), "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode op = r.json();
        assertThat(op.get("operation").asString()).isEqualTo("Deploy");
        assertThat(op.get("status").asString()).isEqualTo("Running");
        assertThat(op.get("revisions").get(0).asInt()).isEqualTo(1);
        assertThat(op.get("buildKey").asString()).isEqualTo(app.release1());
        String key = op.get("key").asString();
        assertThat(awaitEnd(key).get("status").asString()).isEqualTo("Finished");

        JsonNode greeting = setting(app, 1, app.greeting());
        assertThat(greeting.get("deployedValue").asString()).isEqualTo("first");
        assertThat(greeting.get("value").asString()).as("the stage value is left as it was").isEqualTo("second");
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().configSnapshot())
                .as("the same snapshot, secrets by their sealed values")
                .isEqualTo(appliedConfig(first));
        List<String> texts = messages(key).stream().map(m -> m.get("message").asString()).toList();
        assertThat(texts.get(0)).contains("Rollback requested by " + CLIENT_ID).contains(first).contains(second);
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Restored the configuration that operation "
                + first + " applied"));
        JsonNode audit = api.get("/api/stageport/v1/audit-events?assetKey=" + app.key() + "&method=POST")
                .json().get("results");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("path").asString()).isEqualTo(rollback(app.key()));
            assertThat(e.get("status").asInt()).isEqualTo(201);
        });
    }

    @Test
    void rollbackToANamedOperationRestoresThatOneAndTheDefaultTogglesBack() {
        TestApp app = newApp();
        patch(app, 1, "one", "t1");
        String first = deployed(app, 1);
        patch(app, 1, "two", "t2");
        deployed(app, 1);
        patch(app, 2, "three", "t3");
        String third = deployed(app, 2);

        Api.Response r = api.post(rollback(app.key()), "{\"toOperationKey\":\"" + first + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(awaitEnd(r.json().get("key").asString()).get("status").asString()).isEqualTo("Finished");
        assertThat(setting(app, 1, app.greeting()).get("deployedValue").asString()).isEqualTo("one");

        // the deployment before the rollback is the third one: a second rollback goes back to it
        Api.Response back = api.post(rollback(app.key()), "{}");
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("revisions").get(0).asInt()).isEqualTo(2);
        assertThat(awaitEnd(back.json().get("key").asString()).get("status").asString()).isEqualTo("Finished");
        assertThat(setting(app, 2, app.greeting()).get("deployedValue").asString()).isEqualTo("three");
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().configSnapshot())
                .isEqualTo(appliedConfig(third));
    }

    @Test
    void unknownOtherAssetFailedOrCurrentTargetsAreRefusedAndNothingStarts() {
        TestApp app = newApp();
        TestApp other = newApp();
        api.post(rollback(app.key()), "").problem(409); // not deployed: nothing before the current one
        String only = deployed(app, 1);
        assertThat(api.post(rollback(app.key()), "").problem(409).get("detail").asString())
                .contains("nothing to roll back to");
        String otherOp = deployed(other, 1);

        assertThat(api.post(rollback(app.key()), "{\"toOperationKey\":\"" + java.util.UUID.randomUUID() + "\"}")
                .problem(404).get("detail").asString()).contains("toOperationKey");
        assertThat(api.post(rollback(app.key()), "{\"toOperationKey\":\"" + otherOp + "\"}").problem(400)
                .get("detail").asString()).contains("toOperationKey").contains("another asset");
        assertThat(api.post(rollback(app.key()), "{\"toOperationKey\":\"not-a-key\"}").problem(400)
                .get("detail").asString()).contains("toOperationKey");
        api.post(rollback(app.key()), "{\"toOperationKey\":\"" + only + "\"}").problem(409);
        simulate(STAGE, app.key(), "{\"stepMillis\":0,\"failStep\":\"Provision\",\"failMessage\":\"boom\"}");
        String failed = start(deployBody(STAGE, app.key(), app.release2(), 2));
        assertThat(awaitEnd(failed).get("status").asString()).isEqualTo("FinishedWithError");
        api.post(rollback(app.key()), "{\"toOperationKey\":\"" + failed + "\"}").problem(404);
        api.post("/api/stageport/v1/environments/" + STAGE + "/assets/" + java.util.UUID.randomUUID()
                + "/rollback", "").problem(404);

        JsonNode list = api.get(OPS + "?environmentKey=" + STAGE + "&assetKey=" + app.key()).json();
        assertThat(list.get("results")).hasSize(2);
    }

    @Test
    void rollbackNeedsDeployAppsOnTheStage() {
        TestApp app = newApp();
        deployed(app, 1);
        deployed(app, 2);
        Api viewer = clientWith(everywhere(dev.stageport.identity.Permission.STAGE_VIEW));
        viewer.post(rollback(app.key()), "").problem(403);
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().revision()).isEqualTo(2);
    }

    private String appliedConfig(String op) {
        return deploymentOperations.find(op).orElseThrow().appliedConfig();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private DeploymentRepository deploymentOperations;
}
