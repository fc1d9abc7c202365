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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A test of the emulator's server ({@link EmulatorServer}): every test starts without fault
 * rules and with an empty journal. The clock only goes forward, so tests never assume its time.
 */
public abstract class EmulatorServerTest extends ServerTest implements EmulatorServer {

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
