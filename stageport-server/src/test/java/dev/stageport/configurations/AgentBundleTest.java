package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A bundle of type Agent: built and deployed like an app, configured only under .../agents/{agentKey}/... */
class AgentBundleTest extends ServerTest {

    private static final String ENV = DemoData.QA;
    private static final String CONFIGS = "/api/asset-configurations/v1/environments/" + ENV;

    @Test
    void anAgentBundleIsBuiltDeployedAndConfiguredUnderTheAgentPathsOnly() throws Exception {
        UUID agent = upload(TestBundles.withManifest(TestBundles.agentManifest(UUID.randomUUID(), "Triage agent")));
        assertThat(api.get("/api/asset-repository/v1/assets/" + agent).json().get("assetType").asString())
                .isEqualTo("Agent");
        Api.Response patched = api.patch(CONFIGS + "/agents/" + agent + "/configurations",
                "{\"revisionBaseline\":1,\"settings\":[{\"key\":\"SystemPrompt\",\"value\":\"Be kind\"}]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(204);

        String build = api.post("/api/builds/v1/build-operations",
                "{\"assetKey\":\"" + agent + "\",\"assetRevision\":1,\"buildType\":\"Release\"}").json()
                .get("buildKey").asString();
        assertThat(awaitStatus(api, "/api/builds/v1/build-operations/" + build, "Pending", "Running")
                .get("status").asString()).isEqualTo("Finished");
        Api.Response deploy = api.post("/api/deployments/v1/deployment-operations", """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(agent, build, ENV));
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        JsonNode op = awaitStatus(api, "/api/deployments/v1/deployment-operations/"
                + deploy.json().get("key").asString(), "Running");
        assertThat(op.get("status").asString()).isEqualTo("Finished");

        JsonNode deployed = api.get(CONFIGS + "/agents/" + agent + "/revisions/deployed/configurations").json();
        assertThat(deployed.has("systemConfigurations")).isFalse();
        JsonNode prompt = deployed.get("settings").get(0);
        assertThat(prompt.get("key").asString()).isEqualTo("SystemPrompt");
        assertThat(prompt.get("deployedValue").asString()).isEqualTo("Be kind");

        api.get(CONFIGS + "/applications/" + agent + "/revisions/deployed/configurations").problem(404);
        api.get(CONFIGS + "/applications/" + agent + "/revisions/1/configurations").problem(404);
        api.patch(CONFIGS + "/applications/" + agent + "/configurations",
                "{\"revisionBaseline\":1,\"settings\":[{\"key\":\"SystemPrompt\",\"value\":\"x\"}]}").problem(404);
    }

    @Test
    void anAppAnswers404OnTheAgentPaths() throws Exception {
        UUID app = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Plain app", "[]")));
        api.get(CONFIGS + "/agents/" + app + "/revisions/1/configurations").problem(404);
        api.patch(CONFIGS + "/agents/" + app + "/configurations",
                "{\"revisionBaseline\":1,\"settings\":[{\"key\":\"GreetingText\",\"value\":\"x\"}]}").problem(404);
    }

    @Test
    void anAgentBundleWithoutARunSectionIsRefused() throws Exception {
        String manifest = TestBundles.agentManifest(UUID.randomUUID(), "Triage agent")
                .replaceAll(",\\s*\"run\": \\{[^}]*}", "");
        Api.Response r = api.uploadBundle(TestBundles.withManifest(manifest).bytes());
        assertThat(r.problem(400).toString()).contains("'run' section");
    }
}
