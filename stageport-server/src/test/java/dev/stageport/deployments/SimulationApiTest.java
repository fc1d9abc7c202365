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

class SimulationApiTest extends DeploymentTestSupport {

    private static final String BASE = "/api/stageport/v1/environments/";

    @Test
    void assetSimulationIsStoredAndReadBack() {
        TestApp app = newApp();
        String path = BASE + DemoData.PRODUCTION + "/assets/" + app.key() + "/simulation";
        assertThat(api.put(path, """
                {"stepMillis":7,"failStep":"Activate","failMessage":"switch refused"}""").status()).isEqualTo(204);
        JsonNode read = api.get(path).json();
        assertThat(read.get("stepMillis").asInt()).isEqualTo(7);
        assertThat(read.get("failStep").asString()).isEqualTo("Activate");
        assertThat(read.get("failMessage").asString()).isEqualTo("switch refused");
    }

    @Test
    void stageSimulationFallsBackToTheStageRuntimeSettings() {
        JsonNode read = api.get(BASE + DemoData.DEVELOPMENT + "/simulation").json();
        assertThat(read.get("stepMillis").asInt()).isEqualTo(20);
        assertThat(read.has("failStep")).isFalse();
    }

    @Test
    void simulationRefusesInvalidValuesUnknownTargetsAndMissingPermission() {
        TestApp app = newApp();
        String path = BASE + DemoData.PRODUCTION + "/assets/" + app.key() + "/simulation";
        api.put(path, "{\"stepMillis\":3600001}").problem(400);
        api.put(path, "{\"stepMillis\":-1}").problem(400);
        api.put(path, "{}").problem(400);
        api.put(path, "{\"stepMillis\":1,\"failStep\":\"Explode\"}").problem(400);
        api.put(path, "{\"stepMillis\":").problem(400);
        api.put(BASE + UUID.randomUUID() + "/simulation", "{\"stepMillis\":1}").problem(404);
        api.put(BASE + DemoData.PRODUCTION + "/assets/" + UUID.randomUUID() + "/simulation", "{\"stepMillis\":1}")
                .problem(404);
        api.put(BASE + "nope/simulation", "{\"stepMillis\":1}").problem(400);
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.PRODUCTION)));
        viewer.put(path, "{\"stepMillis\":1}").problem(403);
        assertThat(viewer.get(path).status()).isEqualTo(200);
    }
}
