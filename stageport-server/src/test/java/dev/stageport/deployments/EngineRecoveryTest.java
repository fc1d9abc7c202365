package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.demo.DemoData;
import dev.stageport.runtime.SimulatedCallRepository;
import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.runtime.SimulationRepository;
import dev.stageport.runtime.SimulationSettings;
import dev.stageport.support.OneTickServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A worker that died mid-operation (its lease expired): any worker resumes the
 * operation from its last completed step, so it ends Finished and nothing ran twice
 * against the runtime. One that died inside the traffic switch asks the runtime whether the
 * switch took effect, and is rolled back only when the runtime cannot tell.
 */
class EngineRecoveryTest extends OneTickServerTest {

    static final String OPS = "/api/deployments/v1/deployment-operations";

    @Autowired
    DeploymentRepository operations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SimulatedRuntime simulated;
    @Autowired
    SimulatedCallRepository calls;
    @Autowired
    SimulationRepository simulations;
    @Autowired
    dev.stageport.portfolio.DeployedAssetRepository deployedAssets;

    /** What a crashed server leaves: Running, claimed by a worker that is gone, lease long expired. */
    private String abandoned(TestApp app, String env, String inStep, String lastCompleted) {
        Instant past = clock.instant().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), env, null, OperationStatus.Running, past, null, past, CLIENT_ID, inStep, null,
                "dead-server-worker-0", past.plusSeconds(30), 1, 3));
        jdbc.sql("update work_item set last_completed_step = ? where op_key = ?").params(lastCompleted, key)
                .update();
        return key;
    }

    @Test
    void deployAbandonedMidStepIsResumedFromItsLastCompletedStepAndFinishes() {
        TestApp app = newApp();
        String key = abandoned(app, DemoData.QA, "HealthCheck", "Provision");

        assertThat(tick()).isTrue();

        assertThat(status(key)).isEqualTo("Finished");
        assertThat(simulated.calls(key, SimulatedRuntime.PROVISION)).as("completed before the crash").isZero();
        assertThat(simulated.calls(key, SimulatedRuntime.HEALTH_CHECK)).isEqualTo(1);
        assertThat(simulated.calls(key, SimulatedRuntime.ACTIVATE)).as("Activate reached the runtime once")
                .isEqualTo(1);
        assertThat(steps(key)).containsSubsequence("HealthCheck", "Activate", "RetirePrevious", "Record");
        assertThat(messages(key).get(0)).contains("resuming after step Provision");
        assertThat(deployedAssets.find(DemoData.QA, app.key()).orElseThrow().deploymentKey()).isEqualTo(key);
    }

    @Test
    void deployAbandonedInTheSwitchBeforeItReachedTheRuntimeSwitchesOnceAndFinishes() {
        TestApp app = newApp();
        String key = abandoned(app, DemoData.QA, "Activate", "HealthCheck");

        assertThat(tick()).isTrue();

        assertThat(status(key)).isEqualTo("Finished");
        assertThat(simulated.calls(key, SimulatedRuntime.ACTIVATE)).as("the runtime had not switched: now it has")
                .isEqualTo(1);
        assertThat(simulated.calls(key, "Discard")).isZero();
        assertThat(deployedAssets.find(DemoData.QA, app.key()).orElseThrow().deploymentKey()).isEqualTo(key);
    }

    @Test
    void deployAbandonedAfterTheSwitchReachedTheRuntimeIsNotSwitchedAgainAndFinishes() {
        TestApp app = newApp();
        String key = abandoned(app, DemoData.QA, "Activate", "HealthCheck");
        calls.record(key, SimulatedRuntime.ACTIVATE, "dead-replica", clock.instant());

        assertThat(tick()).isTrue();

        assertThat(status(key)).isEqualTo("Finished");
        assertThat(simulated.calls(key, SimulatedRuntime.ACTIVATE)).as("the switch before the crash stands")
                .isEqualTo(1);
        assertThat(String.join("\n", messages(key))).contains("the switch is not repeated");
        assertThat(steps(key)).containsSubsequence("Activate", "RetirePrevious", "Record");
        assertThat(deployedAssets.find(DemoData.QA, app.key()).orElseThrow().deploymentKey()).isEqualTo(key);
    }

    @Test
    void deployAbandonedDuringASwitchWhoseStateIsUnknownIsRolledBackAndEndsWithErrorSayingWhy() {
        TestApp app = newApp();
        // a failure injected into the simulated switch: a call that arrived need not have switched
        simulations.save(DemoData.QA, app.key(), new SimulationSettings(0, SimulatedRuntime.ACTIVATE, null),
                clock.instant());
        String key = abandoned(app, DemoData.QA, "Activate", "HealthCheck");

        assertThat(tick()).isTrue();

        assertThat(status(key)).isEqualTo("FinishedWithError");
        assertThat(String.join("\n", messages(key))).contains("stopped during step Activate")
                .contains("cannot be resumed safely").contains("discarded");
        assertThat(simulated.calls(key, SimulatedRuntime.ACTIVATE)).isZero();
        assertThat(simulated.calls(key, "Discard")).isEqualTo(1);
        assertThat(deployedAssets.find(DemoData.QA, app.key())).isEmpty();
        // the active slot is free again
        assertThat(api.post(OPS, DeploymentTestSupport.deployBody(DemoData.QA, app.key(), app.release1(), 1))
                .status()).isEqualTo(201);
    }

    @Test
    void operationWithLiveLeaseIsLeftToItsWorker() {
        TestApp app = newApp();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), DemoData.QA, null, OperationStatus.Running, now, null, now, CLIENT_ID,
                "Provision", null, "busy-worker-0", now.plusSeconds(600), 1, 3));
        tickUntilIdle();
        assertThat(operations.find(key).orElseThrow().status()).isEqualTo(OperationStatus.Running);
        assertThat(jdbc.sql("select claimed_by from work_item where op_key = ?").param(key).query(String.class)
                .single()).isEqualTo("busy-worker-0");
    }

    @Test
    void databaseRefusesASecondActiveOperationForTheSameAssetAndStage() {
        TestApp app = newApp();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), DemoData.PRODUCTION, null, OperationStatus.Running, now, null, now, CLIENT_ID,
                "Provision", null, "busy-worker-1", now.plusSeconds(600), 1, 3));
        assertThatThrownBy(() -> operations.insert(new DeploymentOperation(UUID.randomUUID().toString(),
                DeploymentOperationsType.Undeploy, app.key(), "App", 1, app.release1(), DemoData.PRODUCTION, null,
                OperationStatus.Running, now, null, now, CLIENT_ID, null, null, null, null, 0, 0)))
                .isInstanceOf(DuplicateKeyException.class);
        JsonNode problem = api.post(OPS, DeploymentTestSupport.deployBody(DemoData.PRODUCTION, app.key(),
                app.release2(), 2)).problem(409);
        assertThat(problem.get("errorCode").asString()).isEqualTo("OperationInProgress");
        assertThat(problem.get("detail").asString()).contains(key);
    }

    private String status(String key) {
        return api.get(OPS + "/" + key).json().get("status").asString();
    }

    private List<String> messages(String key) {
        List<String> out = new ArrayList<>();
        api.get(OPS + "/" + key + "/messages").json().get("results").forEach(m -> out.add(m.get("message")
                .asString()));
        return out;
    }

    private List<String> steps(String key) {
        List<String> out = new ArrayList<>();
        api.get(OPS + "/" + key + "/messages").json().get("results").forEach(m -> out.add(m.get("additionalInfo")
                .get("stepId").asString()));
        return out;
    }

}
