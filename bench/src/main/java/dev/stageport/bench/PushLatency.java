package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OperationWatcher;
import dev.stageport.client.PollSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push latency: the time from an operation's terminal status (its finishedDateTime,
 * stamped by the server as it writes the status) to a waiting client knowing it.
 * Client and server run on this machine, so both read the same clock. Each
 * operation is followed once through the event stream and once through the long
 * poll; the demo app is redeployed to QA with a short simulated step time.
 */
final class PushLatency {

    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String APP = "a0000000-0000-4000-8000-000000000001";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    private final OdcClient client;

    PushLatency(String url, String clientId, String secret) {
        this.client = new OdcClient(url, clientId, secret);
    }

    void run(int operations, Path out) throws IOException {
        client.put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                Map.of("stepMillis", 5));
        String[] builds = {buildOf(1), buildOf(2)};
        for (int i = 0; i < 10; i++) {
            stream(builds, i);
            longPoll(builds, i);
        }
        double[] streamed = new double[operations];
        double[] longPolled = new double[operations];
        for (int i = 0; i < operations; i++) {
            streamed[i] = stream(builds, i);
            longPolled[i] = longPoll(builds, i);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "push-latency");
        result.put("operations", operations);
        result.put("eventStream", Stats.of(streamed));
        result.put("longPoll", Stats.of(longPolled));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JsonMapper.builder().build().writeValueAsString(result));
        System.out.printf("push latency over %d operations: event stream p50 %.1f ms p99 %.1f ms; "
                + "long poll p50 %.1f ms p99 %.1f ms%n", operations, Stats.of(streamed).p50(),
                Stats.of(streamed).p99(), Stats.of(longPolled).p50(), Stats.of(longPolled).p99());
    }

    private double stream(String[] builds, int i) {
        String key = deploy(builds, i);
        OperationWatcher watcher = new OperationWatcher(client, PollSchedule.ODC_ADVICE, true);
        JsonNode last = watcher.await(OPS, key, Duration.ofSeconds(60), new OperationWatcher.Listener() {
            @Override
            public void status(JsonNode operation) {
            }

            @Override
            public void message(JsonNode message) {
            }
        });
        return latency(last, Instant.now());
    }

    private double longPoll(String[] builds, int i) {
        String key = deploy(builds, i);
        JsonNode op;
        do {
            op = client.get(OPS + "/" + key + "?waitSeconds=30");
        } while ("Running".equals(op.path("status").asString()));
        return latency(op, Instant.now());
    }

    private String deploy(String[] builds, int i) {
        int revision = i % 2 + 1;
        return client.post(OPS, Map.of("operation", "Deploy", "assetKey", APP, "buildKey", builds[revision - 1],
                "revision", revision, "environmentKey", QA)).path("key").asString();
    }

    private static double latency(JsonNode op, Instant known) {
        if (!"Finished".equals(op.path("status").asString())) {
            throw new IllegalStateException("operation did not finish: " + op);
        }
        Instant finished = Instant.parse(op.path("finishedDateTime").asString());
        return Duration.between(finished, known).toNanos() / 1_000_000.0;
    }

    private String buildOf(int revision) {
        for (JsonNode build : client.get("/api/builds/v1/build-operations?assetKey=" + APP + "&assetRevision="
                + revision + "&byBuildType=Release").path("builds")) {
            return build.path("buildKey").asString();
        }
        throw new IllegalStateException("no Release build of revision " + revision);
    }
}
