package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Prepares the status polling scenario: one finished Deploy operation of the demo
 * app, and a bearer token for it. Prints "TOKEN KEY" for bench/scripts/polling.sh,
 * which loads the status endpoint with wrk (the token lives an hour, far longer
 * than the scenario).
 */
final class PollingTarget {

    private PollingTarget() {
    }

    static void print(String url, String clientId, String secret) throws InterruptedException {
        OdcClient client = new OdcClient(url, clientId, secret);
        String build = client.get("/api/builds/v1/build-operations?assetKey=" + PushLatency.APP
                + "&assetRevision=1&byBuildType=Release").path("builds").get(0).path("buildKey").asString();
        String key = client.post(PushLatency.OPS, Map.of("operation", "Deploy", "assetKey", PushLatency.APP,
                "buildKey", build, "revision", 1, "environmentKey", PushLatency.QA)).path("key").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode op;
        do {
            op = client.get(PushLatency.OPS + "/" + key + "?waitSeconds=30");
        } while ("Running".equals(op.path("status").asString()) && Instant.now().isBefore(deadline));
        if (!"Finished".equals(op.path("status").asString())) {
            throw new IllegalStateException("the polling target did not finish: " + op);
        }
        System.out.println(client.tokens().token() + " " + key);
    }
}
