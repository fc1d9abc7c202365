package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Prepares the status polling scenario: one finished Deploy operation of the demo app,
 * one running Deploy of it held in AwaitApproval (Production gets a policy that needs one
 * approval, which nobody gives: the wait holds no engine worker), and a bearer token for
 * both. Prints "TOKEN FINISHED_KEY RUNNING_KEY" for bench/scripts/polling.sh, which loads
 * the status endpoint with wrk (the token lives an hour, far longer than the scenario).
 */
final class PollingTarget {

    static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";

    private PollingTarget() {
    }

    static void print(String url, String clientId, String secret) throws InterruptedException {
        OdcClient client = new OdcClient(url, clientId, secret);
        String build = client.get("/api/builds/v1/build-operations?assetKey=" + PushLatency.APP
                + "&assetRevision=1&byBuildType=Release").path("builds").get(0).path("buildKey").asString();
        String finished = deploy(client, build, PushLatency.QA);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode op;
        do {
            op = client.get(PushLatency.OPS + "/" + finished + "?waitSeconds=30");
        } while ("Running".equals(op.path("status").asString()) && Instant.now().isBefore(deadline));
        if (!"Finished".equals(op.path("status").asString())) {
            throw new IllegalStateException("the polling target did not finish: " + op);
        }
        client.put("/api/stageport/v1/environments/" + PRODUCTION + "/policy", Map.of("requiredApprovals", 1));
        String running = deploy(client, build, PRODUCTION);
        while (client.list("/api/stageport/v1/approvals?status=Pending&limit=100")
                .noneMatch(a -> running.equals(a.path("operationKey").asString()))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the running polling target never waited for approval");
            }
            Thread.sleep(20);
        }
        System.out.println(client.tokens().token() + " " + finished + " " + running);
    }

    private static String deploy(OdcClient client, String build, String stage) {
        return client.post(PushLatency.OPS, Map.of("operation", "Deploy", "assetKey", PushLatency.APP,
                "buildKey", build, "revision", 1, "environmentKey", stage)).path("key").asString();
    }
}
