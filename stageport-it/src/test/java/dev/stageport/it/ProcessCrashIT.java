package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.model.DeploymentOperation;
import dev.stageport.examples.HelloSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo comes up on the process driver with its first deployment running as a real
 * app. Then the server, running real apps in three stages, is killed with
 * SIGKILL while three operations wait for their new instances to become healthy, then
 * started again on the same data folder and database. Every operation ends, none
 * launched a second process, the half-started instances are stopped, the running
 * ones are adopted (same PID, same stable URL) and the pending setting is still there.
 */
class ProcessCrashIT {

    static final String DEV = "d0000000-0000-4000-8000-000000000001";
    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String PROD = "d0000000-0000-4000-8000-000000000003";
    static final List<String> STAGES = List.of(DEV, QA, PROD);
    static final String APP = "a0000000-0000-4000-8000-000000000001";
    static final String RELEASE_1 = "b0000000-0000-4000-8000-000000000001";
    static final String RELEASE_2 = "b0000000-0000-4000-8000-000000000002";
    static final String GREETING = "c0000000-0000-4000-8000-000000000001";

    static EmbeddedPostgres postgres;
    static Map<String, String> env;
    static Path work = Path.of("target", "it", "process-crash-" + UUID.randomUUID()).toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        env = Map.of(
                "STAGEPORT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "STAGEPORT_DB_USER", "postgres",
                "STAGEPORT_DB_PASSWORD", "postgres",
                "STAGEPORT_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey),
                "STAGEPORT_ENGINE_LEASE", "3s",
                "STAGEPORT_DEMO_STEP_DURATION", "50ms");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void killedMidOperationEveryOperationEndsNothingRunsTwiceAndNoAppIsOrphaned() throws Exception {
        Path data = work.resolve("crash-data");
        Map<String, Long> adoptedPids = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        List<String> interrupted = new ArrayList<>();
        try (ServerProcess first = ServerProcess.start("crash", work, env)) {
            Odc odc = odc(first);
            // by default the demo stages run the process driver: the demo's first deployment is a real app
            JsonNode demo = awaitDemoRunning(odc);
            assertThat(demo.path("driver").asString()).isEqualTo("process");
            assertThat(demo.path("state").asString()).as("demo instance %s", demo).isEqualTo("Running");
            assertThat(get(demo.path("url").asString()).body()).contains("Hello from hello-settings");
            installArtifact(data);
            for (String stage : STAGES) {
                odc.client().put("/api/stageport/v1/environments/" + stage + "/runtime",
                        Map.of("driver", "process", "settings", Map.of("healthTimeoutSeconds", 60)));
            }
            List<String> firstDeploys = new ArrayList<>();
            for (String stage : STAGES) {
                firstDeploys.add(odc.deploy(stage, APP, RELEASE_1, 1).key());
            }
            for (String key : firstDeploys) {
                assertThat(awaitEnd(odc, key).status()).as("first deploy %s", key).isEqualTo("Finished");
            }
            for (String stage : STAGES) {
                JsonNode instance = instance(odc, stage);
                urls.put(stage, instance.path("url").asString());
                adoptedPids.put(stage, pid(instance));
            }
            odc.client().patch("/api/asset-configurations/v1/environments/" + QA + "/applications/" + APP
                    + "/configurations", Map.of("key", APP, "revisionBaseline", 1,
                    "settings", List.of(Map.of("key", GREETING, "value", "Pending across a crash"))));

            interrupted.add(odc.deploy(DEV, APP, RELEASE_2, 2).key());
            interrupted.add(odc.client().post("/api/deployments/v1/deployment-operations",
                    Map.of("operation", "ApplyConfigs", "assetKey", APP, "environmentKey", QA)).path("key").asString());
            interrupted.add(odc.deploy(PROD, APP, RELEASE_2, 2).key());
            awaitLaunches(data, interrupted);
            first.kill();
        }
        // the apps outlive the killed server: the slow-starting new instances are still starting
        List<Long> candidates = launchedPids(data, interrupted);
        assertThat(candidates).hasSize(3);

        try (ServerProcess second = ServerProcess.start("crash", work, env)) {
            Odc odc = odc(second);
            for (String key : interrupted) {
                DeploymentOperation end = awaitEnd(odc, key);
                assertThat(end.status()).as("operation %s after the restart", key).isEqualTo("FinishedWithError");
            }
            for (Long pid : candidates) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("half-started instance %d stopped, not orphaned", pid).isFalse();
            }
            for (String stage : STAGES) {
                JsonNode instance = instance(odc, stage);
                assertThat(instance.path("state").asString()).isEqualTo("Running");
                assertThat(instance.path("revision").asInt()).isEqualTo(1);
                assertThat(pid(instance)).as("adopted, not restarted").isEqualTo(adoptedPids.get(stage));
                assertThat(instance.path("url").asString()).isEqualTo(urls.get(stage));
                assertThat(get(urls.get(stage)).statusCode()).isEqualTo(200);
            }
            Map<String, Long> launches = launchCounts(data);
            assertThat(launches.values()).as("no operation started an app twice: %s", launches)
                    .allMatch(n -> n == 1);

            String apply = odc.client().post("/api/deployments/v1/deployment-operations",
                    Map.of("operation", "ApplyConfigs", "assetKey", APP, "environmentKey", QA)).path("key").asString();
            assertThat(awaitEnd(odc, apply).status()).isEqualTo("Finished");
            assertThat(get(urls.get(QA)).body()).as("the pending setting survived").contains("Pending across a crash");

            for (String stage : STAGES) {
                String undeploy = odc.client().post("/api/deployments/v1/deployment-operations",
                        Map.of("operation", "Undeploy", "assetKey", APP, "environmentKey", stage)).path("key")
                        .asString();
                assertThat(awaitEnd(odc, undeploy).status()).isEqualTo("Finished");
            }
            for (long pid : adoptedPids.values()) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            }
        }
    }

    /** The example app, starting slowly (8 s) so the server can be killed while it waits for health. */
    private static void installArtifact(Path data) throws Exception {
        Path source = Path.of(HelloSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path zip = work.resolve("hello.zip");
        String classpath;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            if (Files.isDirectory(source)) {
                classpath = "classes";
                try (var files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new ZipEntry("classes/" + source.relativize(file)));
                        Files.copy(file, out);
                    }
                }
            } else {
                classpath = "lib/hello-settings.jar";
                out.putNextEntry(new ZipEntry(classpath));
                Files.copy(source, out);
            }
        }
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        Path target = data.resolve("artifacts").resolve(hex.substring(0, 2)).resolve(hex + ".zip");
        Files.createDirectories(target.getParent());
        Files.copy(zip, target);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String runSpec = "{\"command\":[\"sh\",\"-c\",\"sleep 8; exec " + java + " -cp " + classpath + " "
                + HelloSettings.class.getName() + "\"],\"portVariable\":\"PORT\",\"healthPath\":\"/health\"}";
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update build set artifact_digest = ?, run_spec = ? where build_key in (?, ?)")) {
            update.setString(1, "sha256:" + hex);
            update.setString(2, runSpec);
            update.setString(3, RELEASE_1);
            update.setString(4, RELEASE_2);
            assertThat(update.executeUpdate()).isEqualTo(2);
        }
    }

    private static List<String> journal(Path data) throws IOException {
        Path file = data.resolve("runtime").resolve("launches.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void awaitLaunches(Path data, List<String> operations) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (launchedPids(data, operations).size() < operations.size()) {
            assertThat(Instant.now()).as("launches of %s", operations).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Long> launchedPids(Path data, List<String> operations) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String line : journal(data)) {
            String[] parts = line.split(" ");
            if (parts[0].equals("launch") && operations.contains(parts[1])) {
                pids.add(Long.parseLong(parts[3]));
            }
        }
        return pids;
    }

    private static Map<String, Long> launchCounts(Path data) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : journal(data)) {
            counts.merge(line.split(" ")[1], 1L, Long::sum);
        }
        return counts;
    }

    static JsonNode instance(Odc odc, String stage) {
        return odc.client().get("/api/stageport/v1/environments/" + stage + "/assets/" + APP + "/instance");
    }

    static long pid(JsonNode instance) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+)")
                .matcher(instance.path("detail").asString());
        assertThat(m.find()).as("pid in %s", instance).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    /** The server answers before the demo is seeded: wait for the demo's deployment to Development to run. */
    static JsonNode awaitDemoRunning(Odc odc) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode demo = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                demo = instance(odc, DEV);
                if (demo.path("state").asString().equals("Running")) {
                    break;
                }
            } catch (dev.stageport.client.OdcException notSeededYet) {
                // 404 until the demo app is uploaded
            }
            Thread.sleep(200);
        }
        awaitIdle(odc);
        return demo;
    }

    private static void awaitIdle(Odc odc) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && odc.client()
                .get("/api/deployments/v1/deployment-operations?status=Running").path("results").size() > 0) {
            Thread.sleep(100);
        }
    }

    static DeploymentOperation awaitEnd(Odc odc, String key) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        DeploymentOperation op = odc.operation(key);
        while (!op.ended() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            op = odc.operation(key);
        }
        return op;
    }
}
