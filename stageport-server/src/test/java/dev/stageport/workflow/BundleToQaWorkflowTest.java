package dev.stageport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole path of issue 3 as a pipeline walks it: upload a bundle, find the new
 * revision, start a Release build and poll it, deploy the build to QA and poll the
 * deployment, then see the revision deployed with the bundle's settings.
 */
class BundleToQaWorkflowTest extends ServerTest {

    @Test
    void uploadedBundleIsBuiltThenDeployedToQaAndFinishes() throws Exception {
        UUID key = UUID.randomUUID();
        Api.Response uploaded = api.uploadBundle(TestBundles.withManifest(TestBundles.appManifest(key, "Workflow",
                "[]")).bytes());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        int revision = api.get("/api/asset-repository/v1/assets/" + key + "/latest-revision").json().get("revision")
                .asInt();
        assertThat(revision).isEqualTo(1);

        String buildKey = api.post("/api/builds/v1/build-operations", """
                {"assetKey": "%s", "assetRevision": %d, "buildType": "Release"}""".formatted(key, revision))
                .json().get("buildKey").asString();
        JsonNode build = awaitStatus(api, "/api/builds/v1/build-operations/" + buildKey, "Pending", "Running");
        assertThat(build.get("status").asString()).isEqualTo("Finished");

        Api.Response deploy = api.post("/api/deployments/v1/deployment-operations", """
                {"operation": "Deploy", "assetKey": "%s", "buildKey": "%s", "revision": %d, "environmentKey": "%s"}"""
                .formatted(key, buildKey, revision, DemoData.QA));
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        JsonNode operation = awaitStatus(api, "/api/deployments/v1/deployment-operations/"
                + deploy.json().get("key").asString(), "Running");
        assertThat(operation.get("status").asString()).isEqualTo("Finished");

        JsonNode deployed = api.get("/api/asset-configurations/v1/environments/" + DemoData.QA + "/applications/"
                + key + "/revisions/deployed/configurations").json();
        assertThat(deployed.get("revisionDeployed").asInt()).isEqualTo(1);
        assertThat(deployed.get("settings").toString()).contains("GreetingText");
    }
}
