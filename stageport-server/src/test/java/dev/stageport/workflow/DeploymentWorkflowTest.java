package dev.stageport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ODC workflow page, step by step, against the real server: discovery, token,
 * stages, revisions, Release build, pending configuration, Deploy, poll, messages,
 * deployed configuration. Uses its own app so other test classes cannot interfere.
 */
class DeploymentWorkflowTest extends ServerTest {

    @Test
    void pipelineDeploysARevisionToQaAndSeesTheNewSettingDeployed() throws InterruptedException {
        TestApp app = newApp();
        Api anonymous = new Api(baseUrl());

        String tokenEndpoint = anonymous.get("/identity/.well-known/openid-configuration").json()
                .get("token_endpoint").asString();
        assertThat(tokenEndpoint).endsWith("/identity/oauth2/token");
        Api pipeline = new Api(baseUrl());
        pipeline.login(CLIENT_ID, CLIENT_SECRET);

        JsonNode stages = pipeline.get("/api/portfolios/v1/environments").json().get("results");
        String qa = null;
        for (JsonNode stage : stages) {
            if (stage.get("name").asString().equals("QA")) {
                qa = stage.get("key").asString();
            }
        }
        assertThat(qa).isEqualTo(DemoData.QA);

        JsonNode revisions = pipeline.get("/api/asset-repository/v1/assets/" + app.key() + "/revisions").json()
                .get("results");
        int revision = revisions.get(revisions.size() - 1).get("revision").asInt();
        assertThat(revision).isEqualTo(2);

        JsonNode builds = pipeline.get("/api/builds/v1/build-operations?assetKey=" + app.key() + "&assetRevision="
                + revision + "&byBuildType=Release").json().get("builds");
        String buildKey = null;
        for (JsonNode build : builds) {
            if (build.get("status").asString().equals("Finished")) {
                buildKey = build.get("buildKey").asString();
            }
        }
        assertThat(buildKey).isEqualTo(app.release2());

        String configPath = "/api/asset-configurations/v1/environments/" + qa + "/applications/" + app.key();
        Api.Response patched = pipeline.patch(configPath + "/configurations", """
                {"key": null, "revisionBaseline": "2",
                 "settings": [{"key": "%s", "value": "Hello from QA"}],
                 "timers": [{"key": "%s", "configs": [{"key": "IsActive", "value": "False"}]}]}"""
                .formatted(app.greeting(), app.timer()));
        assertThat(patched.status()).as(patched.body()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();

        Api.Response created = pipeline.post("/api/deployments/v1/deployment-operations", """
                {"operation": "Deploy", "assetKey": "%s", "buildKey": "%s", "revision": %d, "environmentKey": "%s"}"""
                .formatted(app.key(), buildKey, revision, qa));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode operation = created.json();
        assertThat(operation.get("status").asString()).isEqualTo("Running");
        assertThat(operation.has("finishedDateTime")).isFalse();
        String operationKey = operation.get("key").asString();

        List<String> seen = new ArrayList<>();
        seen.add(operation.get("status").asString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = "Running";
        while (status.equals("Running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            status = pipeline.get("/api/deployments/v1/deployment-operations/" + operationKey).json()
                    .get("status").asString();
            seen.add(status);
        }
        assertThat(status).isEqualTo("Finished");
        assertThat(seen).startsWith("Running").endsWith("Finished");
        JsonNode finished = pipeline.get("/api/deployments/v1/deployment-operations/" + operationKey).json();
        assertThat(finished.get("finishedDateTime").asString()).isNotBlank();

        JsonNode messages = pipeline.get("/api/deployments/v1/deployment-operations/" + operationKey + "/messages")
                .json().get("results");
        assertThat(messages).isNotEmpty();
        for (JsonNode message : messages) {
            assertThat(message.get("severity").asString()).isIn("Info", "Warning");
            assertThat(message.get("additionalInfo").get("stepId").asString()).isNotBlank();
        }

        JsonNode deployed = pipeline.get(configPath + "/revisions/deployed/configurations").json();
        assertThat(deployed.get("revisionDeployed").asInt()).isEqualTo(2);
        JsonNode greeting = find(deployed.get("settings"), app.greeting());
        assertThat(greeting.get("deployedValue").asString()).isEqualTo("Hello from QA");
        assertThat(greeting.get("valueOrigin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(greeting.get("valueSetAfterDeploy").asBoolean()).isFalse();
        JsonNode timer = find(deployed.get("timers"), app.timer());
        assertThat(find(timer.get("configs"), "IsActive").get("deployedValue").asString()).isEqualToIgnoringCase("False");
    }

    @Test
    void demoAppIsDeployedToDevelopmentAfterFirstStart() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode results;
        do {
            results = api.get("/api/portfolios/v1/deployed-assets?key=" + DemoData.APP + "&environmentKey="
                    + DemoData.DEVELOPMENT).json().get("results");
            if (results.isEmpty()) {
                Thread.sleep(100);
            }
        } while (results.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("deployments").get(0).get("revision").asInt()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.get("key").asString().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no item " + key + " in " + items);
    }
}
