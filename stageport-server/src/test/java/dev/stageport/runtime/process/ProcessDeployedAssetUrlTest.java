package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The portfolio's deployed-assets url for an app on a process stage is the stable URL where it answers. */
class ProcessDeployedAssetUrlTest extends ProcessTestSupport {

    @Test
    void deployedAssetsUrlIsTheStableUrlWhereTheAppAnswersInV1AndV2() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":30}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        String stable = instance(app).get("url").asString();

        for (String version : new String[] {"v1", "v2"}) {
            JsonNode deployment = api.get("/api/portfolios/" + version + "/deployed-assets?key=" + app.key()
                    + "&environmentKey=" + STAGE).json().get("results").get(0).get("deployments").get(0);
            assertThat(deployment.get("url").asString()).as("%s url", version).isEqualTo(stable);
        }
        assertThat(fetch(stable)).startsWith("HTTP/1.1 200").contains("Hello from hello-settings");
    }
}
