package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import dev.stageport.work.WorkControl;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /api/stageport/v1/emulator/reset: back to the seeded state, without a restart. */
class EmulatorResetTest extends EmulatorServerTest {

    static final String RESET = "/api/stageport/v1/emulator/reset";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    @Autowired
    SimulatedRuntime simulated;
    @Autowired
    WorkControl work;
    @Autowired
    EmulatorState state;

    @Test
    void resetAnswers204AndWhatTheTestAddedIsGoneWhileTheSeedIsBack() {
        TestApp added = newApp();
        Api addedClient = clientWith(everywhere(dev.stageport.identity.Permission.STAGE_VIEW));
        assertThat(api.patch("/api/asset-configurations/v1/environments/" + QA + "/applications/" + ORDERS
                + "/configurations", "{\"settings\":[{\"key\":\"" + GREETING + "\",\"value\":\"set-by-the-test\"}]}")
                .status()).isEqualTo(204);
        assertThat(api.get("/api/asset-repository/v1/assets/" + added.key()).status()).isEqualTo(200);

        Api.Response reset = api.post(RESET, "");

        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        api.get("/api/asset-repository/v1/assets/" + added.key()).problem(404);
        assertThat(addedClient.get("/api/portfolios/v1/environments").status()).isEqualTo(401);
        assertThat(api.get("/api/portfolios/v1/environments").body()).contains(DEVELOPMENT, QA, PRODUCTION);
        assertThat(api.get("/api/asset-repository/v1/assets/" + ORDERS).status()).isEqualTo(200);
        assertThat(api.get("/api/builds/v1/build-operations/" + ORDERS_REV2_DEBUG).json().get("status").asString())
                .isEqualTo("FinishedWithErrors");
        assertThat(api.get("/api/stageport/v1/environments/" + QA + "/applications/" + ORDERS
                + "/configuration-history").body()).contains("Hello from QA").doesNotContain("set-by-the-test");
    }

    @Test
    void theBootstrapClientItsTokenAndTheSeededClientsSurviveAReset() {
        assertThat(api.post(RESET, "").status()).isEqualTo(204);

        // the token from before the reset still works, and the secrets still log in
        assertThat(api.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
        Api again = new Api(baseUrl());
        again.login(CLIENT_ID, CLIENT_SECRET);
        assertThat(again.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
        Api seeded = new Api(baseUrl());
        seeded.login(SEEDED_CLIENT, SEEDED_SECRET);
        assertThat(seeded.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
    }

    @Test
    void whenTheSeedSaysTokensDoNotSurviveAResetTheOldTokenIsRefusedAndANewOneWorks() {
        Api before = new Api(baseUrl());
        before.login(CLIENT_ID, CLIENT_SECRET);
        assertThat(before.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
        state.tokensSurviveReset(false);
        try {
            assertThat(before.post(RESET, "").status()).isEqualTo(204);

            Api.Response refused = before.get("/api/portfolios/v1/environments");
            assertThat(refused.status()).isEqualTo(401);
            Api after = new Api(baseUrl());
            after.login(CLIENT_ID, CLIENT_SECRET);
            assertThat(after.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
        } finally {
            state.tokensSurviveReset(true);
            api.login(CLIENT_ID, CLIENT_SECRET);
        }
    }

    @Test
    void aResetWhileADeployRunsEndsTheOperationAndNothingKeepsRunning() throws Exception {
        assertThat(api.put("/api/stageport/v1/environments/" + QA + "/assets/" + ORDERS + "/simulation",
                "{\"stepMillis\":60000}").status()).isEqualTo(204);
        String op = deploy(ORDERS_REV1_RELEASE, 1);
        awaitProvisionStarted(op);

        assertThat(api.post(RESET, "").status()).isEqualTo(204);

        api.get(OPS + "/" + op).problem(404);
        assertThat(work.find(op)).as("the engine's record of the operation").isEmpty();
        // the one-operation-per-stage lock is free and the seeded step time (10 ms) is back
        String next = deploy(ORDERS_REV2_RELEASE, 2);
        JsonNode done = awaitStatus(api, OPS + "/" + next, "Running");
        assertThat(done.get("status").asString()).isEqualTo("Finished");
        assertThat(simulated.calls(op, SimulatedRuntime.PROVISION)).as("no step of the old operation ran again")
                .isZero();
    }

    @Test
    void resettingNeedsEmulatorControlOnEveryStage() {
        Api noControl = clientWith(everywhere(java.util.Arrays.stream(dev.stageport.identity.Permission.values())
                .filter(p -> p != EmulatorMode.PERMISSION).toArray(dev.stageport.identity.Permission[]::new)));
        assertThat(noControl.post(RESET, "").problem(403).get("detail").asString()).contains("Emulator > Control");
        Api anonymous = new Api(baseUrl());
        assertThat(anonymous.post(RESET, "").status()).isEqualTo(401);
    }

    private String deploy(String build, int revision) {
        Api.Response created = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(ORDERS, build, revision, QA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    /** The runtime records each step as it starts; bounded so a broken engine fails instead of hanging. */
    private void awaitProvisionStarted(String op) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (simulated.calls(op, SimulatedRuntime.PROVISION) == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertThat(simulated.calls(op, SimulatedRuntime.PROVISION)).as("Provision started").isEqualTo(1);
    }
}
