package dev.stageport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.StageportProperties;
import dev.stageport.demo.DemoData;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import dev.stageport.work.OperationEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Which replica runs a process stage's operations, decided in the database. */
class RuntimeOwnershipTest extends ServerTest {

    static final String STAGE = DemoData.QA;
    static final String RUNTIME = "/api/stageport/v1/environments/" + STAGE + "/runtime";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    @Autowired
    StageRepository stages;
    @Autowired
    StageportProperties properties;
    @Autowired
    ReplicaIdentity thisReplica;
    @Autowired
    OperationEngine engine;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreStage() {
        stages.updateRuntime(STAGE, "simulated", "{\"stepMillis\":20}");
    }

    @Test
    void aStageOfAnotherDriverRunsOnEveryReplica() {
        stages.updateRuntime(STAGE, "simulated", "{}");

        assertThat(replica("replica-a").mayRun(STAGE)).isTrue();
        assertThat(replica("replica-b").mayRun(STAGE)).isTrue();
    }

    @Test
    void theFirstReplicaToRunAProcessStageBecomesItsReplicaDurablyAndTheOtherLeavesItAlone() {
        stages.updateRuntime(STAGE, "process", "{\"healthTimeoutSeconds\":5}");

        assertThat(replica("replica-a").mayRun(STAGE)).isTrue();
        assertThat(replica("replica-b").mayRun(STAGE)).isFalse();
        assertThat(replica("replica-a").mayRun(STAGE)).isTrue();

        JsonNode settings = api.get(RUNTIME).json().get("settings");
        assertThat(settings.get("replica").asString()).isEqualTo("replica-a");
        assertThat(settings.get("healthTimeoutSeconds").asInt()).isEqualTo(5);
    }

    @Test
    void aStageThatNamesAReplicaRunsOnlyThereAndNewSettingsWithoutOneKeepIt() {
        put("{\"driver\":\"process\",\"settings\":{\"replica\":\"replica-b\"}}", 200);
        assertThat(replica("replica-a").mayRun(STAGE)).isFalse();
        assertThat(replica("replica-b").mayRun(STAGE)).isTrue();

        put("{\"driver\":\"process\",\"settings\":{\"drainMillis\":100}}", 200);

        assertThat(api.get(RUNTIME).json().get("settings").get("replica").asString()).isEqualTo("replica-b");
        assertThat(replica("replica-a").mayRun(STAGE)).isFalse();
    }

    @Test
    void aReplicaThatIsNotAnIdIsRefusedNamingTheField() {
        JsonNode problem = put("{\"driver\":\"process\",\"settings\":{\"replica\":\"two words\"}}", 400);
        assertThat(problem.get("detail").asString()).contains("'replica'");
        put("{\"driver\":\"process\",\"settings\":{\"replica\":7}}", 400);
    }

    @Test
    void theEngineLeavesAnOperationOnAStageOfAnotherReplicaAndRunsItOnceTheStageNamesThisOne() throws Exception {
        put("{\"driver\":\"process\",\"settings\":{\"replica\":\"some-other-replica\"}}", 200);
        String op = deploy(newApp(), STAGE);

        engine.runOnce();

        assertThat(jdbc.sql("select claimed_by from work_item where op_key = ?").param(op)
                .query(String.class).optional()).as("claimed by").isEmpty();
        assertThat(api.get(OPS + "/" + op).json().get("status").asString()).isEqualTo("Running");

        put("{\"driver\":\"process\",\"settings\":{\"replica\":\"" + thisReplica.id() + "\"}}", 200);

        // the test app's builds carry no artifact: the process driver refuses them, which proves it ran here
        JsonNode end = awaitStatus(api, OPS + "/" + op, "Running");
        assertThat(end.get("status").asString()).isEqualTo("FinishedWithError");
    }

    @Test
    void aQueueOfOperationsOnAStageOfAnotherReplicaNeverHidesThisReplicasWork() throws Exception {
        put("{\"driver\":\"process\",\"settings\":{\"replica\":\"some-other-replica\"}}", 200);
        for (int i = 0; i < 10; i++) {
            deploy(newApp(), STAGE);
        }

        String mine = deploy(newApp(), DemoData.DEVELOPMENT);

        assertThat(awaitStatus(api, OPS + "/" + mine, "Running").get("status").asString()).isEqualTo("Finished");
    }

    @Test
    void aReplicaIdDefaultsToTheHostNameAndAHashOfTheDataFolderAndIsStable() {
        ReplicaIdentity again = new ReplicaIdentity("", properties);

        assertThat(again.id()).isEqualTo(thisReplica.id()).matches("[A-Za-z0-9._-]+-[0-9a-f]{8}");
        assertThat(new ReplicaIdentity(" replica-7 ", properties).id()).isEqualTo("replica-7");
    }

    private String deploy(TestApp app, String stage) {
        Api.Response started = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), stage));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("key").asString();
    }

    private RuntimeOwnership replica(String id) {
        return new RuntimeOwnership(stages, new ReplicaIdentity(id, properties));
    }

    private JsonNode put(String body, int status) {
        Api.Response r = api.put(RUNTIME, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }
}
