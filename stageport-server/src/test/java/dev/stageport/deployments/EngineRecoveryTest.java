package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.demo.DemoData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.JsonNode;

/** A worker that died mid-operation (its lease expired) must not leave the operation Running forever. */
class EngineRecoveryTest extends DeploymentTestSupport {

    @Autowired
    DeploymentRepository operations;
    @Autowired
    DeploymentEngine engine;

    @Test
    void operationWhoseWorkerDiedEndsWithErrorWithoutRerunningSteps() {
        TestApp app = newApp();
        Instant past = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        // as a crashed server leaves it: claimed by a worker that no longer exists, lease long expired
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), DemoData.QA, null, OperationStatus.Running, past, null, past, CLIENT_ID,
                "Provision", null, "dead-server-worker-0", past.plusSeconds(30), 1, 3));

        engine.runOnce(); // may also be picked up by a background worker first; either way it ends
        JsonNode done = awaitEnd(key);

        assertThat(done.get("status").asString()).isEqualTo("FinishedWithError");
        JsonNode error = messages(key).get(0);
        assertThat(error.get("severity").asString()).isEqualTo("Error");
        assertThat(error.get("message").asString()).contains("stopped during step Provision")
                .contains("Nothing was switched");
        assertThat(messages(key)).hasSize(1); // no step ran again
        assertThat(deployedAssets.find(DemoData.QA, app.key())).isEmpty();
        // the active slot is free again
        assertThat(awaitEnd(start(deployBody(DemoData.QA, app.key(), app.release1(), 1))).get("status").asString())
                .isEqualTo("Finished");
    }

    @Test
    void databaseRefusesASecondActiveOperationForTheSameAssetAndStage() {
        TestApp app = newApp();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        // held by a live worker, so the background engine leaves it alone
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), DemoData.PRODUCTION, null, OperationStatus.Running, now, null, now, CLIENT_ID,
                "Provision", null, "busy-worker-1", now.plusSeconds(600), 1, 3));
        assertThatThrownBy(() -> operations.insert(new DeploymentOperation(UUID.randomUUID().toString(),
                DeploymentOperationsType.Undeploy, app.key(), "App", 1, app.release1(), DemoData.PRODUCTION, null,
                OperationStatus.Running, now, null, now, CLIENT_ID, null, null, null, null, 0, 0)))
                .isInstanceOf(DuplicateKeyException.class);
        JsonNode problem = api.post(OPS, deployBody(DemoData.PRODUCTION, app.key(), app.release2(), 2)).problem(409);
        assertThat(problem.get("errorCode").asString()).isEqualTo("OperationInProgress");
        assertThat(problem.get("detail").asString()).contains(key);
    }

    @Test
    void operationWithLiveLeaseIsLeftToItsWorker() {
        TestApp app = newApp();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String key = UUID.randomUUID().toString();
        operations.insert(new DeploymentOperation(key, DeploymentOperationsType.Deploy, app.key(), "App", 1,
                app.release1(), DemoData.QA, null, OperationStatus.Running, now, null, now, CLIENT_ID,
                "Provision", null, "busy-worker-0", now.plusSeconds(600), 1, 3));
        engine.runOnce();
        assertThat(operations.find(key).orElseThrow().status()).isEqualTo(OperationStatus.Running);
        assertThat(operations.find(key).orElseThrow().claimedBy()).isEqualTo("busy-worker-0");
    }
}
