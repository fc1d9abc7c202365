package dev.stageport.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.emulator.FaultRules;
import dev.stageport.emulator.FaultSpec;
import dev.stageport.emulator.RequestJournal;
import dev.stageport.emulator.VirtualClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A server of its own with STAGEPORT_EMULATOR=on, seeded with the test scenario
 * (src/test/resources/emulator/scenario.yaml) instead of the demo data: its resets and
 * restores replace the whole state and its clock moves, so it never shares a database with
 * the suite's server. Every test starts without fault rules and with an empty journal (a reset
 * brings back the seeded rules). The clock only goes forward, so tests never assume its time.
 */
public abstract class EmulatorServerTest extends ServerTest {

    /** Keys of src/test/resources/emulator/scenario.yaml. */
    public static final String DEVELOPMENT = "5e000000-0000-4000-8000-000000000001";
    public static final String QA = "5e000000-0000-4000-8000-000000000002";
    public static final String PRODUCTION = "5e000000-0000-4000-8000-000000000003";
    public static final String ORDERS = "5a000000-0000-4000-8000-000000000001";
    public static final String ORDERS_REV1_RELEASE = "5b000000-0000-4000-8000-000000000001";
    public static final String ORDERS_REV2_RELEASE = "5b000000-0000-4000-8000-000000000002";
    public static final String ORDERS_REV2_DEBUG = "5b000000-0000-4000-8000-000000000003";
    public static final String GREETING = "5c000000-0000-4000-8000-000000000001";
    public static final String SEEDED_CLIENT = "ci-deployer";
    public static final String SEEDED_SECRET = "ci-deployer-secret-0123456789";

    private static final java.util.Map<String, Path> DATA_DIRS = new java.util.concurrent.ConcurrentHashMap<>();

    @DynamicPropertySource
    static void emulatorOn(DynamicPropertyRegistry registry) {
        emulatorProperties(registry, "emulator");
        registry.add("stageport.emulator.seed",
                () -> Path.of("src", "test", "resources", "emulator", "scenario.yaml").toAbsolutePath().toString());
    }

    /**
     * The emulator switch, a data folder and a database named {@code name} (a plain SQL name), for any
     * server test. Servers that share a database share its data folder too, and with it the master key
     * that sealed the database's secrets (on PostgreSQL a second folder meant a second key).
     */
    public static void emulatorProperties(DynamicPropertyRegistry registry, String name) {
        Path dataDir = DATA_DIRS.computeIfAbsent(name, n -> Path.of("target", "test-data", n + "-" + UUID.randomUUID()));
        registry.add("stageport.data-dir", dataDir::toString);
        TestDatabase.properties(name).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("stageport.emulator.mode", () -> "on");
        ownDatabase = true;
    }

    public static final String EMULATOR = "/api/stageport/v1/emulator";
    public static final String OPS = "/api/deployments/v1/deployment-operations";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected FaultRules faults;
    @Autowired
    protected RequestJournal journal;
    @Autowired
    protected VirtualClock clock;

    @org.springframework.beans.factory.annotation.Value("${stageport.data-dir}")
    private String dataDir;

    @BeforeEach
    void startClean() {
        assertThat(dataDir).as("a server of its own, not the suite's").contains("emulator-");
        faults.clear();
        journal.clear();
    }

    /** A rule that matches a real endpoint but never fires: a key for tests that only need one. */
    public static String harmlessFault(FaultRules rules) {
        return rules.add(new FaultSpec("GET", "/api/stageport/v1/audit-events", 429, null, null, 1, 1_000_000, 0.0,
                null, null, null, null, null, null)).key();
    }

    /** Takes a snapshot named {@code name} (the hostile tests' {snapshot}), asserting 201. */
    public static void snapshot(Api api, String name) {
        Api.Response r = api.post(EMULATOR + "/snapshots", "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Restores the snapshot named {@code name}, asserting 204. */
    public static void restore(Api api, String name) {
        Api.Response r = api.post(EMULATOR + "/snapshots/" + name + "/restore", "");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    /** POSTs a fault rule, asserting 201, and returns the answer. */
    protected JsonNode addFault(String json) {
        Api.Response r = api.post(EMULATOR + "/faults", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A request whose headers the test reads (Retry-After). */
    protected HttpResponse<String> raw(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + api.token())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The journal's entries for a method and path (template), oldest first. */
    protected List<JsonNode> journal(String method, String path) {
        Api.Response r = api.get(EMULATOR + "/requests?method=" + method + "&path="
                + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("results").forEach(out::add);
        return out;
    }

    protected static String deployBody(String env, String asset, String build, int revision) {
        return """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(asset, build, revision, env);
    }

    /** Polls the operation until it leaves Running (bounded) and returns it. */
    protected JsonNode awaitEnd(String opKey) throws InterruptedException {
        return awaitStatus(api, OPS + "/" + opKey, "Running");
    }
}
