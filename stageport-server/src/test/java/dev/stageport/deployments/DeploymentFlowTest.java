package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.portfolio.DeployedAsset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeploymentFlowTest extends DeploymentTestSupport {

    @Test
    void deployToQaRunsEveryStepInOrderAndRecordsTheDeployment() {
        TestApp app = newApp();
        var created = api.post(OPS, deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("status").asString()).isEqualTo("Running");
        assertThat(body.has("finishedDateTime")).isFalse();
        assertThat(body.get("deployedBy").asString()).isEqualTo(CLIENT_ID);
        assertThat(body.get("assetKey").asString()).isEqualTo(app.key());
        assertThat(body.get("buildKey").asString()).isEqualTo(app.release1());
        assertThat(body.get("revisions").toString()).isEqualTo("[1]");
        assertThat(body.get("operation").asString()).isEqualTo("Deploy");
        assertThat(body.get("startedDateTime").asString()).endsWith("Z");
        String key = body.get("key").asString();

        JsonNode done = awaitEnd(key);
        assertThat(done.get("status").asString()).isEqualTo("Finished");
        assertThat(done.get("finishedDateTime").asString()).endsWith("Z");

        List<String> steps = messages(key).stream().map(m -> m.get("additionalInfo").get("stepId").asString())
                .distinct().toList();
        assertThat(steps).containsExactly("Validate", "ResolveConfiguration", "Provision", "HealthCheck",
                "Activate", "RetirePrevious", "Record");
        assertThat(messages(key)).allSatisfy(m -> {
            assertThat(m.get("severity").asString()).isEqualTo("Info");
            assertThat(m.get("additionalInfo").get("assetKey").asString()).isEqualTo(app.key());
        });

        DeployedAsset deployed = deployedAssets.find(DemoData.QA, app.key()).orElseThrow();
        assertThat(deployed.revision()).isEqualTo(1);
        assertThat(deployed.buildKey()).isEqualTo(app.release1());
        assertThat(deployed.deploymentKey()).isEqualTo(key);
        assertThat(deployed.configSnapshot()).contains("settings/" + app.greeting());
    }

    @Test
    void applyConfigsThenUndeployKeepRevisionThenRemoveTheDeployment() {
        TestApp app = newApp();
        awaitEnd(start(deployBody(DemoData.QA, app.key(), app.release2(), 2)));

        String apply = start("""
                {"operation":"ApplyConfigs","assetKey":"%s","revision":2,"environmentKey":"%s"}"""
                .formatted(app.key(), DemoData.QA));
        JsonNode applied = awaitEnd(apply);
        assertThat(applied.get("status").asString()).isEqualTo("Finished");
        assertThat(applied.get("revisions").toString()).isEqualTo("[2]");
        assertThat(deployedAssets.find(DemoData.QA, app.key()).orElseThrow().deploymentKey()).isEqualTo(apply);

        String undeploy = start(opBody("Undeploy", DemoData.QA, app.key()));
        assertThat(awaitEnd(undeploy).get("status").asString()).isEqualTo("Finished");
        assertThat(deployedAssets.find(DemoData.QA, app.key())).isEmpty();
    }

    @Test
    void failureAtHealthCheckEndsWithErrorAndKeepsThePreviousDeployment() {
        TestApp app = newApp();
        String first = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(awaitEnd(first).get("status").asString()).isEqualTo("Finished");
        simulate(DemoData.QA, app.key(), """
                {"stepMillis":0,"failStep":"HealthCheck","failMessage":"readiness probe failed"}""");

        String second = start(deployBody(DemoData.QA, app.key(), app.release2(), 2));
        JsonNode done = awaitEnd(second);
        assertThat(done.get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(done.get("finishedDateTime").asString()).endsWith("Z");
        JsonNode error = messages(second).stream().filter(m -> "Error".equals(m.get("severity").asString()))
                .findFirst().orElseThrow();
        assertThat(error.get("message").asString()).contains("readiness probe failed");
        assertThat(error.get("additionalInfo").get("stepId").asString()).isEqualTo("HealthCheck");

        DeployedAsset still = deployedAssets.find(DemoData.QA, app.key()).orElseThrow();
        assertThat(still.revision()).isEqualTo(1);
        assertThat(still.deploymentKey()).isEqualTo(first);
    }

    @Test
    void secondOperationWhileOneRunsThen409OperationInProgressNamingTheFirst() {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), """
                {"stepMillis":400}""");
        String first = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));

        JsonNode problem = api.post(OPS, deployBody(DemoData.QA, app.key(), app.release2(), 2)).problem(409);
        assertThat(problem.get("errorCode").asString()).isEqualTo("OperationInProgress");
        assertThat(problem.get("detail").asString()).contains(first);

        assertThat(awaitEnd(first).get("status").asString()).isEqualTo("Finished");
        String after = start(opBody("ApplyConfigs", DemoData.QA, app.key()));
        assertThat(awaitEnd(after).get("status").asString()).isEqualTo("Finished");
    }

    @Test
    void demoAppIsDeployedToDevelopmentOnFirstStart() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (deployedAssets.find(DemoData.DEVELOPMENT, DemoData.APP).isEmpty()) {
            assertThat(System.currentTimeMillis()).as("demo deployment").isLessThan(deadline);
            sleep(25);
        }
        DeployedAsset demo = deployedAssets.find(DemoData.DEVELOPMENT, DemoData.APP).orElseThrow();
        assertThat(demo.revision()).isEqualTo(1);
        assertThat(demo.buildKey()).isEqualTo(DemoData.BUILD_REV1_RELEASE);
        assertThat(api.get(OPS + "/" + demo.deploymentKey()).json().get("deployedBy").asString())
                .isEqualTo("stageport-demo");
    }
}
