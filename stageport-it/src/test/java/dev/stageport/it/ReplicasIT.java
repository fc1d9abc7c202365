package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.TokenSource;
import dev.stageport.client.model.DeploymentOperation;
import dev.stageport.client.model.OperationMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL share the work. One is killed with
 * SIGKILL in the middle of an operation; the other resumes that operation once the
 * lease expires, from its last completed step, finishes it, and carries on serving.
 */
class ReplicasIT {

    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String APP = "a0000000-0000-4000-8000-000000000001";
    static final String RELEASE_2 = "b0000000-0000-4000-8000-000000000002";
    static final String RELEASE_1 = "b0000000-0000-4000-8000-000000000001";

    static EmbeddedPostgres postgres;
    static Map<String, String> shared;
    static Path work = Path.of("target", "it", "replicas-" + UUID.randomUUID());

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        shared = Map.of(
                "STAGEPORT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "STAGEPORT_DB_USER", "postgres",
                "STAGEPORT_DB_PASSWORD", "postgres",
                "STAGEPORT_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey),
                "STAGEPORT_ENGINE_LEASE", "3s",
                "STAGEPORT_DEMO_STEP_DURATION", "50ms",
                "STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aReplicaKilledMidOperationIsResumedByTheOtherAndFinishes() throws Exception {
        try (ServerProcess a = ServerProcess.start("replica-a", work, shared)) {
            Odc viaA = odc(a);
            awaitDemoDeployed(viaA);
            viaA.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                    Map.of("stepMillis", 20000));
            DeploymentOperation op = viaA.deploy(QA, APP, RELEASE_2, 2);
            awaitStep(op.key(), "Provision");

            try (ServerProcess b = ServerProcess.start("replica-b", work, shared)) {
                Odc viaB = odc(b);
                String tokenFromA = viaA.client().tokens().token();
                assertThat(new Odc(new OdcClient(b.url(), TokenSource.fixed(tokenFromA))).environments())
                        .as("a token from one replica works on the other").hasSize(3);

                // the survivor's steps are short; the one cut short by the kill runs again from its start
                viaB.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                        Map.of("stepMillis", 10));
                a.kill();
                DeploymentOperation end = awaitEnd(viaB, op.key(), Duration.ofSeconds(90));
                assertThat(end.status()).isEqualTo("Finished");

                List<OperationMessage> messages = viaB.messages(op.key()).toList();
                Map<String, Long> perStep = messages.stream().filter(m -> m.severity().equals("Info"))
                        .collect(Collectors.groupingBy(OperationMessage::stepId, Collectors.counting()));
                assertThat(perStep).as("the switch happened once: %s", messages).containsEntry("Activate", 1L);
                assertThat(deployedRevision()).as("the survivor finished the Deploy").isEqualTo(2);

                DeploymentOperation next = viaB.deploy(QA, APP, RELEASE_1, 1);
                assertThat(awaitEnd(viaB, next.key(), Duration.ofSeconds(60)).status()).isEqualTo("Finished");
            }
        }
    }

    private static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    private static void awaitDemoDeployed(Odc odc) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            boolean running = odc.client().get("/api/deployments/v1/deployment-operations?status=Running")
                    .path("results").size() > 0;
            if (!running) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static DeploymentOperation awaitEnd(Odc odc, String key, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        DeploymentOperation op = odc.operation(key);
        while (!op.ended() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            op = odc.operation(key);
        }
        return op;
    }

    private static void awaitStep(String key, String step) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (step.equals(query("select current_step from work_item where op_key = '" + key + "'",
                    rs -> rs))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("operation " + key + " never reached " + step);
    }

    private static Integer deployedRevision() throws Exception {
        String revision = query("select revision from deployed_asset where env_key = '" + QA + "' and asset_key = '"
                + APP + "'", rs -> rs);
        return revision == null ? null : Integer.valueOf(revision);
    }

    private static String query(String sql, Function<String, String> map) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? map.apply(rs.getString(1)) : null;
        }
    }
}
