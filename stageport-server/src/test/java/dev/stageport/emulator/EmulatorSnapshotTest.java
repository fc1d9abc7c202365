package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/stageport/v1/emulator/snapshots and .../snapshots/{name}/restore. */
class EmulatorSnapshotTest extends EmulatorServerTest {

    static final String SNAPSHOTS = "/api/stageport/v1/emulator/snapshots";

    @Test
    void restoringASnapshotBringsBackWhatWasThereWhenItWasTaken() {
        TestApp before = newApp();
        Api.Response taken = api.post(SNAPSHOTS, "{\"name\":\"with-one-app\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        JsonNode body = taken.json();
        assertThat(body.get("name").asString()).isEqualTo("with-one-app");
        assertThat(body.get("takenAt").asString()).isNotBlank();
        TestApp after = newApp();

        Api.Response restored = api.post(SNAPSHOTS + "/with-one-app/restore", "");

        assertThat(restored.status()).as(restored.body()).isEqualTo(204);
        assertThat(api.get("/api/asset-repository/v1/assets/" + before.key()).status()).isEqualTo(200);
        api.get("/api/asset-repository/v1/assets/" + after.key()).problem(404);
        // a restore keeps the snapshot: it can be restored again
        assertThat(api.post(SNAPSHOTS + "/with-one-app/restore", "").status()).isEqualTo(204);
    }

    @Test
    void takingASnapshotAgainUnderTheSameNameReplacesIt() {
        assertThat(api.post(SNAPSHOTS, "{\"name\":\"again\"}").status()).isEqualTo(201);
        TestApp later = newApp();
        assertThat(api.post(SNAPSHOTS, "{\"name\":\"again\"}").status()).isEqualTo(201);

        assertThat(api.post(SNAPSHOTS + "/again/restore", "").status()).isEqualTo(204);

        assertThat(api.get("/api/asset-repository/v1/assets/" + later.key()).status()).isEqualTo(200);
    }

    @Test
    void aSnapshotNameThatIsMissingOrNotPlainIsA400NamingTheField() {
        for (String body : new String[] {"{}", "{\"name\":\"\"}", "{\"name\":\"../etc\"}", "{\"name\":\"$seed\"}",
            "{\"name\":\"" + "x".repeat(101) + "\"}"}) {
            assertThat(api.post(SNAPSHOTS, body).problem(400).get("detail").asString()).as(body).contains("'name'");
        }
    }

    @Test
    void restoringASnapshotThatDoesNotExistIs404AndAnInvalidNameIs400() {
        assertThat(api.post(SNAPSHOTS + "/never-taken/restore", "").problem(404).get("detail").asString())
                .contains("never-taken");
        api.post(SNAPSHOTS + "/%24seed/restore", "").problem(400);
    }

    @Test
    void snapshotsNeedEmulatorControlOnEveryStage() {
        Api deployer = clientWith(everywhere(Permission.DEPLOY_APPS, Permission.MANAGE_API_CLIENTS));
        deployer.post(SNAPSHOTS, "{\"name\":\"refused\"}").problem(403);
        deployer.post(SNAPSHOTS + "/refused/restore", "").problem(403);
        Api onOneStage = clientWith(Map.of(Permission.EMULATOR_CONTROL, Set.of(QA)));
        onOneStage.post(SNAPSHOTS, "{\"name\":\"refused\"}").problem(403);
    }

    @Test
    void emulatorControlIsGrantedTenantWideOnlyAndTheBootstrapClientHoldsIt() {
        Api.Response perStage = api.post("/api/stageport/v1/api-clients", """
                {"name":"one stage","permissions":[{"permission":"EmulatorControl","environmentKey":"%s"}]}"""
                .formatted(QA));
        assertThat(perStage.status()).as(perStage.body()).isEqualTo(400);
        assertThat(perStage.problem(400).get("detail").asString()).contains("EmulatorControl", "tenant-wide");
        assertThat(api.get("/api/stageport/v1/api-clients/" + CLIENT_ID).body()).contains("EmulatorControl");
    }
}
