package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import dev.stageport.portfolio.DeployedAssetRepository;
import tools.jackson.databind.JsonNode;

/** Helpers shared by the deployment tests: start an operation, wait for its end, tune the simulation. */
public abstract class DeploymentTestSupport extends ServerTest {

    static final String OPS = "/api/deployments/v1/deployment-operations";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected DeployedAssetRepository deployedAssets;

    public static String deployBody(String env, String asset, String build, int revision) {
        return """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(asset, build, revision, env);
    }

    public static String opBody(String operation, String env, String asset) {
        return """
                {"operation":"%s","assetKey":"%s","environmentKey":"%s"}""".formatted(operation, asset, env);
    }

    /** POSTs and asserts 201 Running; returns the operation key. */
    String start(String body) {
        Api.Response r = api.post(OPS, body);
        assertThat(r.status()).as("POST answer: %s", r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("Running");
        return r.json().get("key").asString();
    }

    /** Polls until the operation leaves Running (bounded: fails after 30 s). */
    JsonNode awaitEnd(String opKey) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonNode op = api.get(OPS + "/" + opKey).json();
            if (!"Running".equals(op.get("status").asString())) {
                return op;
            }
            assertThat(System.currentTimeMillis()).as("operation %s still Running", opKey).isLessThan(deadline);
            sleep(25);
        }
    }

    List<JsonNode> messages(String opKey) {
        List<JsonNode> out = new ArrayList<>();
        api.get(OPS + "/" + opKey + "/messages").json().get("results").forEach(out::add);
        return out;
    }

    void simulate(String env, String asset, String json) {
        Api.Response r = api.put("/api/stageport/v1/environments/" + env + "/assets/" + asset + "/simulation", json);
        assertThat(r.status()).as("simulation PUT: %s", r.body()).isEqualTo(204);
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
