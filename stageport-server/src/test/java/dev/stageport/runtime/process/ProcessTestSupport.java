package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRevision;
import dev.stageport.builds.Build;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.demo.DemoData;
import dev.stageport.examples.HelloSettings;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.bundles.RunSpec;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Process-driver tests run in the Development stage switched to the process driver,
 * with apps whose builds carry a real artifact: the hello-settings example app zipped
 * into the store (a fixture standing in for a real build). Everything is undone afterwards.
 */
abstract class ProcessTestSupport extends ServerTest {

    static final String STAGE = DemoData.DEVELOPMENT;
    static final String OPS = "/api/deployments/v1/deployment-operations";
    static final String EXT = "/api/stageport/v1/environments/" + STAGE;

    @Autowired
    ArtifactStore artifacts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StageRepository stages;
    @Autowired
    ProcessRuntime runtime;

    private final List<String> created = new ArrayList<>();

    record HelloApp(String key, String release1, String release2) {
    }

    @AfterEach
    void restoreStage() {
        for (String asset : created) {
            runtime.undeploy(new RuntimeContext(stages.find(STAGE).orElseThrow(), asset, 0, null, "cleanup", null));
            jdbc.sql("delete from deployed_asset where env_key = ? and asset_key = ?").params(STAGE, asset).update();
        }
        created.clear();
        stages.updateRuntime(STAGE, "simulated", "{\"stepMillis\":20}");
    }

    void useProcessDriver(String settingsJson) {
        Api.Response r = api.put(EXT + "/runtime", "{\"driver\":\"process\",\"settings\":" + settingsJson + "}");
        assertThat(r.status()).as("PUT runtime: %s", r.body()).isEqualTo(200);
    }

    /** The example app's command: java on the classpath the fixture zipped under app/. */
    static RunSpec helloRun() {
        return new RunSpec(List.of("java", "-cp", "lib/*:classes", HelloSettings.class.getName()), "PORT", "/health");
    }

    /** An app with revisions 1 and 2 (2 adds setting Theme) whose Release builds run {@code run1} / {@code run2}. */
    HelloApp newHelloApp(RunSpec run1, RunSpec run2) throws IOException {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assets.insert(new Asset(key, "Hello " + key.substring(0, 8), "process test app", "WebApplication", null,
                false, now, "test"));
        List<ConfigSchema.Setting> settings1 = List.of(
                new ConfigSchema.Setting("GreetingText", "GreetingText", "greeting", DataType.Text, "Hello", false),
                new ConfigSchema.Setting("ApiToken", "ApiToken", "secret", DataType.Text, null, true));
        List<ConfigSchema.Setting> settings2 = new ArrayList<>(settings1);
        settings2.add(new ConfigSchema.Setting("Theme", "Theme", "theme", DataType.Text, "dark", false));
        assets.insertRevision(new AssetRevision(key, 1, "Hello", "r1", null, null, null, "one", null, "m1",
                new ConfigSchema(settings1, List.of()).toJson(), now, "test"));
        assets.insertRevision(new AssetRevision(key, 2, "Hello", "r2", null, null, null, "two", null, "m2",
                new ConfigSchema(settings2, List.of()).toJson(), now.plusSeconds(1), "test"));
        String digest = artifact();
        HelloApp app = new HelloApp(key, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        builds.insert(new Build(app.release1(), key, 1, Build.BuildType.Release, Build.BuildStatus.Finished, now, now,
                "test", digest));
        builds.insert(new Build(app.release2(), key, 2, Build.BuildType.Release, Build.BuildStatus.Finished, now, now,
                "test", digest));
        jdbc.sql("update build set run_spec = ? where build_key = ?").params(run1.toJson(), app.release1()).update();
        jdbc.sql("update build set run_spec = ? where build_key = ?").params(run2.toJson(), app.release2()).update();
        created.add(key);
        return app;
    }

    /** Zips the example app's compiled classes (or jar) into the artifact store. */
    String artifact() throws IOException {
        Path source;
        try {
            source = Path.of(HelloSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path zip = Files.createTempFile(artifacts.scratch("test-"), "hello", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new ZipEntry("classes/" + source.relativize(file).toString()
                                .replace('\\', '/')));
                        Files.copy(file, out);
                    }
                }
            } else {
                out.putNextEntry(new ZipEntry("lib/hello-settings.jar"));
                Files.copy(source, out);
            }
        }
        return artifacts.put(zip).digest();
    }

    String deploy(HelloApp app, int revision) {
        String build = revision == 1 ? app.release1() : app.release2();
        return start("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), build, revision, STAGE));
    }

    String applyConfigs(HelloApp app) {
        return start("""
                {"operation":"ApplyConfigs","assetKey":"%s","environmentKey":"%s"}""".formatted(app.key(), STAGE));
    }

    String start(String body) {
        Api.Response r = api.post(OPS, body);
        assertThat(r.status()).as("POST: %s", r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    JsonNode awaitEnd(String opKey, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            JsonNode op = api.get(OPS + "/" + opKey).json();
            if (!"Running".equals(op.get("status").asString())) {
                return op;
            }
            assertThat(System.currentTimeMillis()).as("operation %s still Running", opKey).isLessThan(deadline);
            sleep(50);
        }
    }

    List<String> messages(String opKey) {
        List<String> out = new ArrayList<>();
        api.get(OPS + "/" + opKey + "/messages").json().get("results")
                .forEach(m -> out.add(m.get("message").asString()));
        return out;
    }

    JsonNode instance(HelloApp app) {
        Api.Response r = api.get(EXT + "/assets/" + app.key() + "/instance");
        assertThat(r.status()).as("instance: %s", r.body()).isEqualTo(200);
        return r.json();
    }

    void setSetting(HelloApp app, int revisionBaseline, String key, String value) {
        Api.Response r = api.patch("/api/asset-configurations/v1/environments/" + STAGE + "/applications/"
                + app.key() + "/configurations", "{\"key\":\"" + app.key() + "\",\"revisionBaseline\":"
                + revisionBaseline + ",\"settings\":[{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}]}");
        assertThat(r.status()).as("PATCH: %s", r.body()).isEqualTo(204);
    }

    /** One GET on a fresh connection that closes after the answer; returns the status line and body. */
    static String fetch(String url) throws IOException {
        java.net.URI uri = java.net.URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + (uri.getPath().isEmpty() ? "/" : uri.getPath()) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
