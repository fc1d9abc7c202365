package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST validation, 4xx answers and permissions; none of these may start an operation. */
class DeploymentRequestTest extends DeploymentTestSupport {

    private void assertBadRequestNaming(String body, String field) {
        JsonNode problem = api.post(OPS, body).problem(400);
        assertThat(problem.get("detail").asString()).contains(field);
    }

    @Test
    void deployWithMissingFieldThen400NamingIt() {
        TestApp app = newApp();
        String a = app.key();
        String b = app.release1();
        String e = DemoData.QA;
        assertBadRequestNaming("""
                {"assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}""".formatted(a, b, e), "operation");
        assertBadRequestNaming("""
                {"operation":"Deploy","buildKey":"%s","revision":1,"environmentKey":"%s"}""".formatted(b, e), "assetKey");
        assertBadRequestNaming("""
                {"operation":"Deploy","assetKey":"%s","revision":1,"environmentKey":"%s"}""".formatted(a, e), "buildKey");
        assertBadRequestNaming("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","environmentKey":"%s"}""".formatted(a, b, e),
                "revision");
        assertBadRequestNaming("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1}""".formatted(a, b),
                "environmentKey");
    }

    @Test
    void malformedJsonBadEnumOrNonUuidThen400() {
        api.post(OPS, "{\"operation\":").problem(400);
        api.post(OPS, "").problem(400);
        TestApp app = newApp();
        assertBadRequestNaming("""
                {"operation":"Redeploy","assetKey":"%s","environmentKey":"%s"}""".formatted(app.key(), DemoData.QA),
                "operation");
        assertBadRequestNaming("""
                {"operation":"Undeploy","assetKey":"not-a-uuid","environmentKey":"%s"}""".formatted(DemoData.QA),
                "assetKey");
    }

    @Test
    void unknownStageAssetBuildOrOperationThen404() {
        TestApp app = newApp();
        String unknown = UUID.randomUUID().toString();
        api.post(OPS, deployBody(unknown, app.key(), app.release1(), 1)).problem(404);
        api.post(OPS, deployBody(DemoData.QA, unknown, app.release1(), 1)).problem(404);
        api.post(OPS, deployBody(DemoData.QA, app.key(), unknown, 1)).problem(404);
        api.get(OPS + "/" + unknown).problem(404);
        api.get(OPS + "/" + unknown + "/messages").problem(404);
        api.get(OPS + "/not-a-uuid").problem(400);
    }

    @Test
    void debugOrUnfinishedBuildThen400SayingOnlyFinishedReleaseBuildsDeploy() {
        TestApp app = newApp();
        JsonNode debug = api.post(OPS, deployBody(DemoData.QA, app.key(), app.debug2(), 2)).problem(400);
        assertThat(debug.get("detail").asString()).contains("only finished Release builds");
        JsonNode running = api.post(OPS, deployBody(DemoData.QA, app.key(), app.running2(), 2)).problem(400);
        assertThat(running.get("detail").asString()).contains("only finished Release builds");
    }

    @Test
    void buildOfAnotherRevisionOrAssetThen400() {
        TestApp app = newApp();
        TestApp other = newApp();
        assertThat(api.post(OPS, deployBody(DemoData.QA, app.key(), app.release1(), 2)).problem(400)
                .get("detail").asString()).contains("revision 1");
        api.post(OPS, deployBody(DemoData.QA, app.key(), other.release1(), 1)).problem(400);
    }

    @Test
    void applyConfigsOrUndeployWhenNotDeployedThen409Conflict() {
        TestApp app = newApp();
        JsonNode apply = api.post(OPS, opBody("ApplyConfigs", DemoData.PRODUCTION, app.key())).problem(409);
        assertThat(apply.get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(apply.get("detail").asString()).contains("not deployed");
        JsonNode undeploy = api.post(OPS, opBody("Undeploy", DemoData.PRODUCTION, app.key())).problem(409);
        assertThat(undeploy.get("detail").asString()).contains("not deployed");
    }

    @Test
    void applyConfigsWithRevisionOtherThanTheDeployedOneThen400() {
        TestApp app = newApp();
        awaitEnd(start(deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1)));
        api.post(OPS, """
                {"operation":"ApplyConfigs","assetKey":"%s","revision":2,"environmentKey":"%s"}"""
                .formatted(app.key(), DemoData.PRODUCTION)).problem(400);
    }

    @Test
    void deployWhenDeployPermissionOnlyOnAnotherStageThen403() {
        TestApp app = newApp();
        Api client = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.DEVELOPMENT),
                Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        JsonNode problem = client.post(OPS, deployBody(DemoData.QA, app.key(), app.release1(), 1)).problem(403);
        assertThat(problem.get("detail").asString()).contains(DemoData.QA);
    }

    @Test
    void getOperationRequiresStageViewOnItsStage() {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        Api devViewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.DEVELOPMENT)));
        devViewer.get(OPS + "/" + key).problem(403);
        devViewer.get(OPS + "/" + key + "/messages").problem(403);
        Api qaViewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        assertThat(qaViewer.get(OPS + "/" + key).status()).isEqualTo(200);
        awaitEnd(key);
    }

    @Test
    void messagesPageWithStringOffsets() {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        awaitEnd(key);
        JsonNode first = api.get(OPS + "/" + key + "/messages?limit=2").json();
        assertThat(first.get("page").get("count").asInt()).isEqualTo(2);
        assertThat(first.get("page").get("offset").asString()).isEqualTo("0");
        assertThat(first.get("page").get("nextPageOffset").asString()).isEqualTo("2");
        JsonNode second = api.get(OPS + "/" + key + "/messages?limit=2&offset=2").json();
        assertThat(second.get("results").get(0).get("additionalInfo").get("stepId").asString())
                .isEqualTo("Provision");
        JsonNode all = api.get(OPS + "/" + key + "/messages").json();
        assertThat(all.get("page").has("nextPageOffset")).isFalse();
        api.get(OPS + "/" + key + "/messages?offset=abc").problem(400);
        api.get(OPS + "/" + key + "/messages?limit=0").problem(400);
    }
}
