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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL share the work. One is killed with
 * SIGKILL in the middle of an operation; the other resumes that operation once the
 * lease expires, from its last completed step, finishes it, and carries on serving.
 * The simulated runtime records every call it receives in simulated_runtime_call, so
 * "Activate ran once" is counted at the runtime, not read from the messages.
 */
class ReplicasIT {

    static final String DEVELOPMENT = "d0000000-0000-4000-8000-000000000001";
    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String APP = "a0000000-0000-4000-8000-000000000001";
    static final String RELEASE_2 = "b0000000-0000-4000-8000-000000000002";
    static final String RELEASE_1 = "b0000000-0000-4000-8000-000000000001";
    static final Duration LEASE = Duration.ofSeconds(3);
    static final int LOAD_APPS = 3;

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
                "STAGEPORT_ENGINE_LEASE", LEASE.toSeconds() + "s",
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
            awaitDemoDeployed(viaA, defaultUrl());
            viaA.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                    Map.of("stepMillis", 60000));
            DeploymentOperation op = viaA.deploy(QA, APP, RELEASE_2, 2);
            awaitStep(defaultUrl(), op.key(), "Provision");

            try (ServerProcess b = ServerProcess.start("replica-b", work, shared)) {
                Odc viaB = odc(b);
                String tokenFromA = viaA.client().tokens().token();
                assertThat(new Odc(new OdcClient(b.url(), TokenSource.fixed(tokenFromA))).environments())
                        .as("a token from one replica works on the other").hasSize(3);

                // the survivor's steps are short; the one cut short by the kill runs again from its start
                viaB.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                        Map.of("stepMillis", 10));
                // a kill inside Activate is rolled back by design (docs/engine.md); this test is about resuming
                assertThat(query(defaultUrl(), "select current_step from work_item where op_key = '" + op.key() + "'"))
                        .as("killed before the switch").isIn("Provision", "HealthCheck");
                a.kill();
                DeploymentOperation end = awaitEnd(viaB, op.key(), Duration.ofSeconds(90));
                assertThat(end.status()).isEqualTo("Finished");

                List<OperationMessage> messages = viaB.messages(op.key()).toList();
                Map<String, Long> perStep = messages.stream().filter(m -> m.severity().equals("Info"))
                        .collect(Collectors.groupingBy(OperationMessage::stepId, Collectors.counting()));
                assertThat(perStep).as("the switch happened once: %s", messages).containsEntry("Activate", 1L);
                assertThat(deployedRevision()).as("the survivor finished the Deploy").isEqualTo(2);
                assertThat(runtimeCalls(defaultUrl(), op.key(), "Activate"))
                        .as("Activate reached the runtime once").hasSize(1);

                DeploymentOperation next = viaB.deploy(QA, APP, RELEASE_1, 1);
                assertThat(awaitEnd(viaB, next.key(), Duration.ofSeconds(60)).status()).isEqualTo("Finished");
            }
        }
    }

    @Test
    void threeDeploysInFlightOnAKilledReplicaAllFinishOnTheSurvivorWithOneActivateEach() throws Exception {
        String database = "three_in_flight";
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        Map<String, String> env = new HashMap<>(shared);
        env.put("STAGEPORT_DB_URL", url);
        env.put("STAGEPORT_DEMO_LOAD_APPS", Integer.toString(LOAD_APPS));
        Path folder = Path.of("target", "it", "replicas-three-" + UUID.randomUUID());
        try (ServerProcess a = ServerProcess.start("replica-a", folder, with(env, "STAGEPORT_REPLICA_ID", "replica-a"))) {
            Odc viaA = odc(a);
            awaitDemoDeployed(viaA, url);
            List<String> keys = new ArrayList<>();
            for (int i = 1; i <= LOAD_APPS; i++) {
                String app = String.format("a1000000-0000-4000-8000-%012d", i);
                // long steps, so the kill lands inside Provision of every operation
                viaA.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + app + "/simulation",
                        Map.of("stepMillis", 60000));
                keys.add(viaA.deploy(QA, app, String.format("b1000000-0000-4000-8000-%012d", i), 1).key());
            }
            for (String key : keys) {
                awaitStep(url, key, "Provision");
            }

            try (ServerProcess b = ServerProcess.start("replica-b", folder, with(env, "STAGEPORT_REPLICA_ID",
                    "replica-b"))) {
                Odc viaB = odc(b);
                for (int i = 1; i <= LOAD_APPS; i++) {
                    viaB.client().put("/api/stageport/v1/environments/" + QA + "/assets/"
                            + String.format("a1000000-0000-4000-8000-%012d", i) + "/simulation",
                            Map.of("stepMillis", 10));
                }
                // B took a while to start: A may have moved on to HealthCheck, still before the switch
                Map<String, String> inProgress = new HashMap<>();
                for (String key : keys) {
                    String step = query(url, "select current_step from work_item where op_key = '" + key
                            + "' and (last_completed_step is null or last_completed_step <> current_step)");
                    assertThat(step).as("%s is mid-step on replica-a", key).isIn("Provision", "HealthCheck");
                    assertThat(runtimeCalls(url, key, step)).as("%s: %s runs on replica-a", key, step)
                            .containsExactly("replica-a");
                    inProgress.put(key, step);
                }
                a.kill();
                Instant killed = Instant.now();
                Instant deadline = killed.plus(LEASE).plusSeconds(30);
                for (String key : keys) {
                    DeploymentOperation end = awaitEnd(viaB, key, Duration.between(Instant.now(), deadline));
                    assertThat(end.status()).as("%s after the kill: %s", key, viaB.messages(key).toList())
                            .isEqualTo("Finished");
                }
                assertThat(Instant.now()).as("all three ended within lease + 30 s of the kill").isBefore(deadline);
                for (String key : keys) {
                    assertThat(runtimeCalls(url, key, "Activate")).as("%s: Activate reached the runtime once", key)
                            .containsExactly("replica-b");
                    assertThat(runtimeCalls(url, key, inProgress.get(key)))
                            .as("%s: %s was cut short and ran again", key, inProgress.get(key))
                            .containsExactly("replica-a", "replica-b");
                }
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    /** The replicas that received {@code step} of the operation, in call order, as the runtime recorded them. */
    private static List<String> runtimeCalls(String url, String key, String step) throws Exception {
        List<String> replicas = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement(
                     "select replica from simulated_runtime_call where op_key = ? and step = ? order by id")) {
            select.setString(1, key);
            select.setString(2, step);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    replicas.add(rs.getString(1));
                }
            }
        }
        return replicas;
    }

    private static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    /**
     * The server answers HTTP while the demo is still being seeded (its builds run on start-up):
     * waits until the demo app runs in Development and nothing else is running.
     */
    private static void awaitDemoDeployed(Odc odc, String url) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            boolean deployed = query(url, "select revision from deployed_asset where env_key = '" + DEVELOPMENT
                    + "' and asset_key = '" + APP + "'") != null;
            boolean running = odc.client().get("/api/deployments/v1/deployment-operations?status=Running")
                    .path("results").size() > 0;
            if (deployed && !running) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo app was not deployed to Development in time");
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

    private static String defaultUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static void awaitStep(String url, String key, String step) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (step.equals(query(url, "select current_step from work_item where op_key = '" + key + "'"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("operation " + key + " never reached " + step);
    }

    private static Integer deployedRevision() throws Exception {
        String revision = query(defaultUrl(), "select revision from deployed_asset where env_key = '" + QA
                + "' and asset_key = '" + APP + "'");
        return revision == null ? null : Integer.valueOf(revision);
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
