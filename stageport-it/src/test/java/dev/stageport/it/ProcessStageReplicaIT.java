package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.model.DeploymentOperation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL and a stage on the process driver: the stage belongs to
 * the replica that deployed to it first, so a Deploy sent to the other replica is run by the
 * owner, whose child process serves the new revision, and the other starts nothing.
 */
class ProcessStageReplicaIT {

    static final String DEV = "d0000000-0000-4000-8000-000000000001";
    static final String APP = "a0000000-0000-4000-8000-000000000001";
    static final String RELEASE_2 = "b0000000-0000-4000-8000-000000000002";

    static SharedPostgres postgres;
    static Path work = Path.of("target", "it", "process-replicas-" + UUID.randomUUID()).toAbsolutePath();

    @BeforeAll
    static void database() throws Exception {
        postgres = SharedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aDeploySentToTheOtherReplicaIsRunByTheStagesReplicaAndTheOtherStartsNothing() throws Exception {
        try (ServerProcess owner = ServerProcess.start("owner", work, withReplica("replica-owner"))) {
            Odc viaOwner = odc(owner);
            // the demo's first deployment to Development is the first to the stage: it makes the stage the owner's
            assertThat(awaitDemoRunning(viaOwner).path("state").asString()).isEqualTo("Running");
            assertThat(runtimeSettings(viaOwner).path("replica").asString()).isEqualTo("replica-owner");

            try (ServerProcess other = ServerProcess.start("other", work, withReplica("replica-other"))) {
                Odc viaOther = odc(other);
                DeploymentOperation op = viaOther.deploy(DEV, APP, RELEASE_2, 2);

                assertThat(ProcessCrashIT.awaitEnd(viaOther, op.key()).status()).isEqualTo("Finished");
                JsonNode served = instance(viaOwner);
                assertThat(served.path("state").asString()).isEqualTo("Running");
                assertThat(served.path("revision").asInt()).isEqualTo(2);
                assertThat(instance(viaOther).path("state").asString()).isEqualTo("NotDeployed");
                assertThat(work.resolve("other-data").resolve("runtime").resolve("launches.log"))
                        .as("processes the other replica started").doesNotExist();
            }
        }
    }

    private static Map<String, String> withReplica(String id) {
        return postgres.env(Map.of("STAGEPORT_REPLICA_ID", id));
    }

    private static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    private static JsonNode runtimeSettings(Odc odc) {
        return odc.client().get("/api/stageport/v1/environments/" + DEV + "/runtime").path("settings");
    }

    private static JsonNode instance(Odc odc) {
        return odc.client().get("/api/stageport/v1/environments/" + DEV + "/assets/" + APP + "/instance");
    }

    private static JsonNode awaitDemoRunning(Odc odc) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode demo = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                demo = instance(odc);
                if (demo.path("state").asString().equals("Running")) {
                    return demo;
                }
            } catch (dev.stageport.client.OdcException notSeededYet) {
                // 404 until the demo app is uploaded
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the demo app never ran: " + demo);
    }
}
