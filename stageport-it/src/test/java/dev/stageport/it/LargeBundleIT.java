package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 50 MB bundle (incompressible bytes, so the zip is 50 MB too) is uploaded from
 * disk, streamed, to a server whose heap is capped at 256 MB, once as a raw body and
 * once as multipart; both are stored, read and validated. The revision is then built
 * (re-read, validated again and packaged into a 50 MB artifact) on the same small heap,
 * and the server stays healthy.
 */
class LargeBundleIT {

    static final long PAYLOAD_BYTES = 50L * 1024 * 1024;
    static final Path WORK = Path.of("target", "it", "large-bundle-" + UUID.randomUUID());
    static final String ASSETS = "/api/asset-repository/v1/assets";
    static final String BUILDS = "/api/builds/v1/build-operations";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Path bundle;
    static String assetKey = UUID.randomUUID().toString();

    @BeforeAll
    static void writeBundle() throws IOException {
        Files.createDirectories(WORK);
        bundle = WORK.resolve("large-bundle.zip");
        writeBundle(bundle, assetKey, PAYLOAD_BYTES);
        assertThat(Files.size(bundle)).isGreaterThan(PAYLOAD_BYTES);
    }

    /** A valid app bundle holding {@code payload} random bytes in app/payload.bin, written without buffering it. */
    static void writeBundle(Path target, String key, long payload) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("""
                    {"formatVersion": 1, "assetKey": "%s", "name": "Large bundle", "type": "WebApplication",
                     "configuration": {"settings": [{"key": "Greeting", "dataType": "Text", "defaultValue": "hi"}]},
                     "run": {"command": ["sh", "app/run.sh"]}}""".formatted(key).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("app/run.sh"));
            zip.write("echo large".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("app/payload.bin"));
            Random random = new Random(42);
            byte[] chunk = new byte[1024 * 1024];
            for (long written = 0; written < payload; written += chunk.length) {
                random.nextBytes(chunk);
                zip.write(chunk, 0, (int) Math.min(chunk.length, payload - written));
            }
            zip.closeEntry();
        }
    }

    @AfterAll
    static void removeBundle() throws IOException {
        Files.deleteIfExists(bundle);
    }

    @Test
    void fiftyMegabyteBundleUploadsAndBuildsOnAServerWithA256MegabyteHeap() throws Exception {
        try (ServerProcess server = ServerProcess.start("large-bundle", WORK, Map.of(), "-Xmx256m")) {
            String token = token(server);

            HttpResponse<String> raw = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + ASSETS))
                    .timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(bundle)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
            assertThat(raw.body()).contains("\"revision\":1");

            String boundary = "large" + UUID.randomUUID().toString().replace("-", "");
            HttpRequest.BodyPublisher multipart = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                            + " name=\"creationRequest\"\r\nContent-Type: application/json\r\n\r\n"
                            + "{\"tag\":\"1.0.0\"}\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                            + " name=\"assetFile\"; filename=\"large-bundle.zip\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n"),
                    HttpRequest.BodyPublishers.ofFile(bundle),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            HttpResponse<String> parts = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + ASSETS))
                    .timeout(Duration.ofMinutes(3))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(multipart).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(parts.statusCode()).as(parts.body()).isEqualTo(201);
            assertThat(parts.body()).contains("\"revision\":2").contains("\"tag\":\"1.0.0\"");

            HttpResponse<String> latest = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + ASSETS + "/"
                    + assetKey)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(latest.statusCode()).isEqualTo(200);
            assertThat(latest.body()).contains("\"revision\":2");

            HttpResponse<String> build = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + BUILDS))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"assetKey\":\"" + assetKey
                            + "\",\"assetRevision\":2,\"buildType\":\"Release\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(build.statusCode()).as(build.body()).isEqualTo(201);
            Matcher key = Pattern.compile("\"buildKey\"\\s*:\\s*\"([^\"]+)\"").matcher(build.body());
            assertThat(key.find()).isTrue();
            String status = awaitBuild(server, token, key.group(1));
            assertThat(status).contains("\"status\":\"Finished\"");
            HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + BUILDS + "/"
                    + key.group(1) + "/log-messages")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(log.body()).containsPattern("artifact sha256:[0-9a-f]{64} \\(5\\d{7} bytes\\)");
            assertThat(Files.readString(server.log())).doesNotContain("OutOfMemoryError");
        }
    }

    /** Polls the build until it leaves Pending/Running (at most 3 minutes); returns its last JSON. */
    static String awaitBuild(ServerProcess server, String token, String buildKey) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        String body;
        do {
            Thread.sleep(200);
            body = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + BUILDS + "/" + buildKey))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        } while (body.matches("(?s).*\"status\":\"(Pending|Running)\".*") && System.currentTimeMillis() < deadline);
        return body;
    }

    static String token(ServerProcess server) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(ServerProcess.CLIENT_ID,
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(ServerProcess.CLIENT_SECRET,
                StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/identity/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
