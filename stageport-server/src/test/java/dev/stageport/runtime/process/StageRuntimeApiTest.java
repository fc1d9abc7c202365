package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import org.junit.jupiter.api.Test;

/** Configuring a stage's runtime: known drivers and valid settings only, checked before anything is saved. */
class StageRuntimeApiTest extends ProcessTestSupport {

    @Test
    void putRuntimeWithTheProcessDriverSavesItAndGetShowsIt() {
        useProcessDriver("{\"healthTimeoutSeconds\":5}");
        Api.Response r = api.get(EXT + "/runtime");
        assertThat(r.json().get("driver").asString()).isEqualTo("process");
        assertThat(r.json().get("settings").get("healthTimeoutSeconds").asInt()).isEqualTo(5);
    }

    @Test
    void putRuntimeWithAnUnknownDriverThen400NamingTheKnownOnes() {
        String detail = api.put(EXT + "/runtime", "{\"driver\":\"docker\",\"settings\":{}}").problem(400)
                .get("detail").asString();
        assertThat(detail).contains("Unknown runtime driver 'docker'").contains("process").contains("simulated");
        assertThat(api.get(EXT + "/runtime").json().get("driver").asString()).isEqualTo("simulated");
    }

    @Test
    void putRuntimeWithInvalidSettingsThen400AndNothingChanges() {
        assertThat(api.put(EXT + "/runtime", "{\"driver\":\"process\",\"settings\":{\"healthTimeoutSeconds\":0}}")
                .problem(400).get("detail").asString()).contains("healthTimeoutSeconds").contains("1 to 600");
        assertThat(api.put(EXT + "/runtime", "{\"driver\":\"process\",\"settings\":{\"healthTimeout\":5}}")
                .problem(400).get("detail").asString()).contains("unknown setting 'healthTimeout'");
        assertThat(api.put(EXT + "/runtime", "{\"driver\":\"process\",\"settings\":[1]}").problem(400)
                .get("detail").asString()).contains("must be a JSON object");
        assertThat(api.put(EXT + "/runtime", "{\"driver\":\"simulated\",\"settings\":{\"stepMillis\":-1}}")
                .problem(400).get("detail").asString()).contains("stepMillis");
        assertThat(api.put(EXT + "/runtime", "{\"settings\":{}}").problem(400).get("detail").asString())
                .contains("'driver' is required");
        assertThat(api.get(EXT + "/runtime").json().get("driver").asString()).isEqualTo("simulated");
    }

    @Test
    void putRuntimeWithoutDeployPermissionOnTheStageThen403() {
        Api viewer = clientWith(everywhere(Permission.STAGE_VIEW));
        viewer.put(EXT + "/runtime", "{\"driver\":\"process\",\"settings\":{}}").problem(403);
        assertThat(viewer.get(EXT + "/runtime").status()).isEqualTo(200);
    }

    @Test
    void instanceOfAnAssetOnTheSimulatedDriverIsNotDeployed() throws Exception {
        HelloApp app = newHelloApp(helloRun(), helloRun());
        Api.Response r = api.get(EXT + "/assets/" + app.key() + "/instance");
        assertThat(r.json().get("state").asString()).isEqualTo("NotDeployed");
        assertThat(r.json().has("url")).isFalse();
        api.get(EXT + "/assets/" + app.key() + "/instance/logs?lines=0").problem(400);
    }
}
