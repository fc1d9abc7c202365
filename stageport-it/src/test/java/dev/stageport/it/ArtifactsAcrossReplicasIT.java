package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Artifacts live in PostgreSQL, so a bundle uploaded to one replica builds and deploys on
 * another after the first is gone. The bundle is the 50 MB one of {@link LargeBundleIT} and
 * both replicas run on a 256 MB heap: the chunked store never holds a blob in memory.
 */
class ArtifactsAcrossReplicasIT {

    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final Path WORK = Path.of("target", "it", "artifacts-" + UUID.randomUUID());
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static SharedPostgres postgres;
    static Map<String, String> shared;
    static Path bundle;
    static String assetKey = UUID.randomUUID().toString();
    static String smallKey = UUID.randomUUID().toString();
    static Path smallBundle;
    static String uploadUrl;

    @BeforeAll
    static void databaseAndBundle() throws Exception {
        postgres = SharedPostgres.start();
        shared = postgres.env(Map.of("STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated"));
        Files.createDirectories(WORK);
        bundle = WORK.resolve("bundle.zip");
        LargeBundleIT.writeBundle(bundle, assetKey, LargeBundleIT.PAYLOAD_BYTES);
        smallBundle = WORK.resolve("small.zip");
        LargeBundleIT.writeBundle(smallBundle, smallKey, 1024);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Files.deleteIfExists(bundle);
        Files.deleteIfExists(smallBundle);
        postgres.close();
    }

    @Test
    void aBundleUploadedToAReplicaThatIsThenStoppedBuildsAndDeploysThroughAnother() throws Exception {
        try (ServerProcess a = ServerProcess.start("replica-a", WORK, shared, "-Xmx256m")) {
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(a.url()
                            + LargeBundleIT.ASSETS)).timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + LargeBundleIT.token(a))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(bundle)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

            uploadUrl = field(post(a, LargeBundleIT.token(a), "/api/asset-repository/v1/uploads", "{}"), "uploadUrl");
            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(smallBundle)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        }

        try (ServerProcess b = ServerProcess.start("replica-b", WORK, shared, "-Xmx256m")) {
            String token = LargeBundleIT.token(b);
            String buildKey = field(post(b, token, LargeBundleIT.BUILDS, "{\"assetKey\":\"" + assetKey
                    + "\",\"assetRevision\":1,\"buildType\":\"Release\"}"), "buildKey");
            assertThat(LargeBundleIT.awaitBuild(b, token, buildKey)).contains("\"status\":\"Finished\"");

            String op = field(post(b, token, "/api/deployments/v1/deployment-operations", """
                    {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                    .formatted(assetKey, buildKey, QA)), "key");
            assertThat(awaitOperation(b, token, op)).contains("\"status\":\"Finished\"");

            String revision = post(b, token, LargeBundleIT.ASSETS, "{\"fileUri\":\"" + uploadUrl + "\"}");
            assertThat(revision).as("a bundle sent to an upload URL of the stopped replica").contains(smallKey);

            assertThat(cachedBlobs(WORK.resolve("replica-b-data"))).as("bundle fetched, artifact built").hasSize(2);
            assertThat(Files.readString(b.log())).doesNotContain("OutOfMemoryError");
        }
    }

    private static String post(ServerProcess server, String token, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(201);
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    /** Polls the operation until it leaves Running (at most 2 minutes); returns its last JSON. */
    private static String awaitOperation(ServerProcess server, String token, String key) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String body;
        do {
            Thread.sleep(200);
            body = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                            + "/api/deployments/v1/deployment-operations/" + key))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        } while (body.contains("\"status\":\"Running\"") && System.currentTimeMillis() < deadline);
        return body;
    }

    private static java.util.List<Path> cachedBlobs(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("artifacts"))) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .filter(p -> Files.isRegularFile(p) && sizeOf(p) > LargeBundleIT.PAYLOAD_BYTES).toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
