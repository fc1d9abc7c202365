package dev.stageport.support;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.identity.ApiClient;
import dev.stageport.identity.ApiClientRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.ClientSecrets;
import dev.stageport.identity.Permission;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the real server on a random port with a file database of its own under
 * target/, a known bootstrap client, and the demo data. Test classes share one
 * server (Spring caches the context), so tests that change state create their own
 * asset with {@link #newApp()} instead of touching the demo app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stageport.rate-limits.mode=off", ServerTest.KEEP_ALIVE})
@org.springframework.context.annotation.Import(ServerErrorGuard.class)
@org.junit.jupiter.api.Tag(ServerTest.DATABASE)
public abstract class ServerTest {

    /** The tag of tests that use a database: the PostgreSQL run of the suite runs only these. */
    public static final String DATABASE = "database";
    /**
     * The tag of tests of the HTTP and page layer whose queries are the repositories' that other tests run on
     * PostgreSQL, or that check what comes before any SQL: the PostgreSQL run leaves them out (docs/testing.md).
     */
    public static final String WEB_LAYER = "web-layer";

    /**
     * Event streams' keep-alive comments every second instead of 30 s, so EventStreamKeepAliveTest sees the
     * schedule's on the suite's server instead of starting one of its own; every stream reader skips comments.
     */
    static final String KEEP_ALIVE = "stageport.followers.keep-alive=1s";

    public static final String CLIENT_ID = "test-pipeline";
    public static final String CLIENT_SECRET = "test-secret-that-is-long-enough-0123456789";
    /** The console user {@code admin}'s password (every permission, like the bootstrap client). */
    public static final String ADMIN_PASSWORD = "console-admin-password-0123";

    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    /**
     * Set by a subclass's own {@code @DynamicPropertySource} that gives its server a data folder and
     * database of its own (see EmulatorServerTest). Spring runs the subclass's method first and this
     * class's last, and the last value of a property wins, so without the flag this one would replace them.
     */
    protected static volatile boolean ownDatabase;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        if (!ownDatabase) {
            registry.add("stageport.data-dir", () -> DATA_DIR.toString());
            TestDatabase.properties("suite").forEach((name, value) -> registry.add(name, () -> value));
        }
        ownDatabase = false;
        registry.add("stageport.bootstrap.client-id", () -> CLIENT_ID);
        registry.add("stageport.bootstrap.client-secret", () -> CLIENT_SECRET);
        registry.add("stageport.console.admin-password", () -> ADMIN_PASSWORD);
        registry.add("stageport.demo.step-duration", () -> "20ms");
        // the suite tunes and injects failures through the simulated driver; process tests switch a stage themselves
        registry.add("stageport.demo.runtime-driver", () -> "simulated");
        registry.add("stageport.engine.poll-interval", () -> "50ms");
        // test receivers of webhooks listen on loopback
        registry.add("stageport.webhooks.allow-private", () -> "on");
        // the suite's apps and stage routers end with the test JVM instead of outliving it
        registry.add("stageport.stop-apps-on-exit", () -> "on");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiClientRepository clients;
    @Autowired
    protected ClientSecrets secrets;
    @Autowired
    protected AssetRepository assets;
    @Autowired
    protected BuildRepository builds;
    /** The server's clock: the emulator's may have been moved, so secrets expire relative to it. */
    @Autowired
    private java.time.Clock serverClock;

    protected Api api;

    @org.junit.jupiter.api.AfterEach
    void noServerErrors() {
        List<String> errors = List.copyOf(ServerErrorGuard.SERVER_ERRORS);
        ServerErrorGuard.SERVER_ERRORS.clear();
        org.assertj.core.api.Assertions.assertThat(errors).as("5xx answers from the server during this test")
                .isEmpty();
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        api.login(CLIENT_ID, CLIENT_SECRET);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Creates an API client with exactly these grants and returns an Api logged in as it. */
    protected Api clientWith(Map<Permission, Set<String>> grants) {
        return clientWith("client-" + UUID.randomUUID(), grants);
    }

    /** The same with a client id the test chooses (e.g. to name it in a policy). */
    protected Api clientWith(String id, Map<Permission, Set<String>> grants) {
        String secret = secrets.generate();
        Instant now = serverClock.instant();
        clients.upsert(new ApiClient(id, id, null, secrets.hash(secret), now.plus(30, ChronoUnit.DAYS),
                ApiClient.Status.ACTIVE, now), grants);
        Api other = new Api(baseUrl());
        other.login(id, secret);
        return other;
    }

    protected static Map<Permission, Set<String>> everywhere(Permission... permissions) {
        Map<Permission, Set<String>> grants = new java.util.EnumMap<>(Permission.class);
        for (Permission permission : permissions) {
            grants.put(permission, Set.of(Caller.EVERY_STAGE));
        }
        return grants;
    }

    /**
     * A fresh app with two revisions (settings Greeting:Text, Limit:Integer, Token:secret Text;
     * timer Cleanup; revision 2 adds Theme:Text) and a Release build for each plus a Debug build of 2.
     */
    protected TestApp newApp() {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assets.insert(new Asset(key, "App " + key.substring(0, 8), "test app", "WebApplication", null, false, now,
                "test"));
        TestApp app = new TestApp(key, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<ConfigSchema.Setting> rev1 = List.of(
                new ConfigSchema.Setting(app.greeting(), "Greeting", "greeting", DataType.Text, "Hi", false),
                new ConfigSchema.Setting(app.limit(), "Limit", "limit", DataType.Integer, "5", false),
                new ConfigSchema.Setting(app.token(), "Token", "secret token", DataType.Text, null, true));
        List<ConfigSchema.Timer> timers = List.of(
                new ConfigSchema.Timer(app.timer(), "Cleanup", "cleanup", "0 3 * * *", true));
        assets.insertRevision(new AssetRevision(key, 1, "App", "test app", null, null, null, "one", null, "m1",
                new ConfigSchema(rev1, timers).toJson(), now, "test"));
        List<ConfigSchema.Setting> rev2 = new java.util.ArrayList<>(rev1);
        rev2.add(new ConfigSchema.Setting(app.theme(), "Theme", "theme", DataType.Text, "light", false));
        assets.insertRevision(new AssetRevision(key, 2, "App", "test app", null, null, null, "two", null, "m2",
                new ConfigSchema(rev2, timers).toJson(), now.plusSeconds(1), "test"));
        builds.insert(new Build(app.release1(), key, 1, Build.BuildType.Release, Build.BuildStatus.Finished, now, now,
                "test", null));
        builds.insert(new Build(app.release2(), key, 2, Build.BuildType.Release, Build.BuildStatus.Finished, now, now,
                "test", null));
        builds.insert(new Build(app.debug2(), key, 2, Build.BuildType.Debug, Build.BuildStatus.Finished, now, now,
                "test", null));
        builds.insert(new Build(app.running2(), key, 2, Build.BuildType.Release, Build.BuildStatus.Running, now,
                null, "test", null));
        return app;
    }

    /** Keys of an app made by {@link #newApp()}. */
    public record TestApp(String key, String release1, String release2, String debug2, String running2,
                          String greeting, String limit, String token, String timer, String theme) {
    }

    /**
     * Polls a GET path until its "status" leaves {@code waiting} (e.g. Pending, Running)
     * or 30 s pass, and returns the last answer.
     */
    protected tools.jackson.databind.JsonNode awaitStatus(Api client, String path, String... waiting)
            throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        tools.jackson.databind.JsonNode body = client.get(path).json();
        while (List.of(waiting).contains(body.get("status").asString()) && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            body = client.get(path).json();
        }
        return body;
    }

    /** Uploads a bundle (expecting 201) and returns the key of its asset. */
    protected UUID upload(dev.stageport.bundles.TestBundles bundle) throws java.io.IOException {
        Api.Response uploaded = api.uploadBundle(bundle.bytes());
        org.assertj.core.api.Assertions.assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return UUID.fromString(uploaded.json().get("applicationKey").asString());
    }
}
