package dev.stageport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries to a real receiver, driven one engine cycle at a time with the settable clock. */
class WebhookDeliveryTest extends OneTickServerTest {

    static final String HOOKS = "/api/stageport/v1/webhooks";
    static final String OPS = "/api/deployments/v1/deployment-operations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestReceiver receiver;
    private final List<String> hooks = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stopReceiver() {
        hooks.forEach(key -> api.delete(HOOKS + "/" + key));
        receiver.close();
    }

    @Test
    void everyDeliveryIsSignedWithTheSecretShownOnceAndHasItsOwnDeliveryId() {
        JsonNode hook = subscribe("\"operation.started\", \"operation.finished\"");
        String secret = hook.get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(api.get(HOOKS + "/" + hook.get("key").asString()).json().has("secret")).isFalse();

        String op = deploy(newApp());
        tickUntilIdle();

        List<TestReceiver.Received> got = receiver.received();
        assertThat(got).extracting(TestReceiver.Received::event)
                .containsExactly("operation.started", "operation.finished");
        for (TestReceiver.Received r : got) {
            String[] parts = r.signature().split(",");
            assertThat(parts[0]).isEqualTo("t=" + clock.instant().getEpochSecond());
            String t = parts[0].substring(2);
            assertThat(parts[1]).isEqualTo("v1=" + WebhookSignature.hmacHex(secret, t + "." + r.body()));
            assertThat(parts[1]).isNotEqualTo("v1=" + WebhookSignature.hmacHex("whsec_wrong", t + "." + r.body()));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("type").asString()).isEqualTo(r.event());
            assertThat(body.get("environmentKey").asString()).isEqualTo(DemoData.QA);
            assertThat(body.get("data").get("operationKey").asString()).isEqualTo(op);
        }
        assertThat(JSON.readTree(got.get(1).body()).get("data").get("status").asString()).isEqualTo("Finished");
        assertThat(got.get(0).delivery()).isNotEqualTo(got.get(1).delivery());

        JsonNode deliveries = api.get(HOOKS + "/" + hook.get("key").asString() + "/deliveries").json();
        assertThat(ids(deliveries)).containsExactlyInAnyOrder(got.get(0).delivery(), got.get(1).delivery());
        for (JsonNode d : deliveries.get("results")) {
            assertThat(d.get("status").asString()).isEqualTo("Delivered");
            assertThat(d.get("operationKey").asString()).isEqualTo(op);
            JsonNode attempt = d.get("attempts").get(0);
            assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
            assertThat(attempt.get("latencyMillis").asLong()).isNotNegative();
            assertThat(attempt.get("responseExcerpt").asString()).isEqualTo("ok");
        }
    }

    @Test
    void aReceiverThatIsDownForAnHourGetsEveryEventInOrderPerOperationWhenItIsBack() {
        JsonNode hook = subscribe("\"operation.started\", \"operation.finished\"");
        receiver.down(true);
        TestApp first = newApp();
        List<String> ops = new ArrayList<>(List.of(deploy(first), deploy(newApp())));
        tickUntilIdle();
        ops.add(deploy(first)); // a second operation of the same asset and stage
        tickUntilIdle();
        for (int minutes = 0; minutes < 60; minutes += 5) {
            clock.advance(Duration.ofMinutes(5));
            tickUntilIdle();
        }
        assertThat(receiver.received()).isNotEmpty().noneMatch(TestReceiver.Received::accepted)
                .as("a finished event is never sent before its operation's started event was received")
                .allMatch(r -> r.event().equals("operation.started"));
        JsonNode waiting = api.get(HOOKS + "/" + hook.get("key").asString() + "/deliveries").json();
        for (JsonNode d : waiting.get("results")) {
            assertThat(d.get("status").asString()).isEqualTo("Pending");
            assertThat(d.has("nextAttemptAt")).isTrue();
            if (d.get("event").asString().equals("operation.started")) {
                assertThat(d.get("attempts").size()).isGreaterThan(3);
                assertThat(d.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(503);
                assertThat(d.get("attempts").get(0).get("responseExcerpt").asString())
                        .isEqualTo("down for maintenance");
            } else {
                assertThat(d.get("attempts").size()).isZero();
            }
        }

        receiver.down(false);
        clock.advance(Duration.ofMinutes(15));
        tickUntilIdle();

        List<TestReceiver.Received> accepted = receiver.received().stream().filter(TestReceiver.Received::accepted)
                .toList();
        assertThat(accepted).hasSize(6);
        for (String op : ops) {
            List<String> events = accepted.stream().filter(r -> operationKey(r).equals(op))
                    .map(TestReceiver.Received::event).toList();
            assertThat(events).as("events of %s in the order received", op)
                    .containsExactly("operation.started", "operation.finished");
        }
        JsonNode done = api.get(HOOKS + "/" + hook.get("key").asString() + "/deliveries").json();
        assertThat(done.get("results")).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("Delivered"));
    }

    @Test
    void aRedeliveryReplaysTheSameEventSignedUnderANewDeliveryId() {
        JsonNode hook = subscribe("\"operation.finished\"");
        String key = hook.get("key").asString();
        deploy(newApp());
        tickUntilIdle();
        assertThat(receiver.received()).hasSize(1);
        String original = receiver.received().get(0).delivery();

        Api.Response replay = api.post(HOOKS + "/" + key + "/deliveries/" + original + "/redeliver", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().get("redeliveryOf").asString()).isEqualTo(original);
        assertThat(replay.json().get("status").asString()).isEqualTo("Pending");
        tickUntilIdle();

        List<TestReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got.get(1).delivery()).isEqualTo(replay.json().get("id").asString()).isNotEqualTo(original);
        String t = got.get(1).signature().split(",")[0].substring(2);
        assertThat(got.get(1).signature()).endsWith("v1=" + WebhookSignature.hmacHex(hook.get("secret").asString(),
                t + "." + got.get(1).body()));
        JsonNode deliveries = api.get(HOOKS + "/" + key + "/deliveries").json();
        assertThat(ids(deliveries)).containsExactlyInAnyOrder(original, got.get(1).delivery());

        api.post(HOOKS + "/" + key + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver", "").problem(404);
        String other = subscribe("\"operation.finished\"").get("key").asString();
        api.post(HOOKS + "/" + other + "/deliveries/" + original + "/redeliver", "").problem(404);
    }

    @Test
    void aDeletedWebhookIsNotCalledAgain() {
        JsonNode hook = subscribe("\"operation.started\"");
        receiver.down(true);
        deploy(newApp());
        tickUntilIdle();
        int attempts = receiver.received().size();
        assertThat(attempts).isOne();
        assertThat(api.delete(HOOKS + "/" + hook.get("key").asString()).status()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(20));
        tickUntilIdle();
        assertThat(receiver.received()).hasSize(attempts);
    }

    @Test
    void buildFinishedGoesToWebhooksOfEveryStageWithTheBuildsOutcome() {
        Api.Response created = api.post(HOOKS, """
                {"url": "%s", "events": ["build.finished"]}""".formatted(receiver.url()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        hooks.add(created.json().get("key").asString());
        TestApp app = newApp();
        Api.Response build = api.post("/api/builds/v1/build-operations", """
                {"assetKey": "%s", "assetRevision": 1, "buildType": "Debug"}""".formatted(app.key()));
        assertThat(build.status()).as(build.body()).isEqualTo(201);
        tickUntilIdle();

        assertThat(receiver.received()).extracting(TestReceiver.Received::event).containsExactly("build.finished");
        JsonNode body = JSON.readTree(receiver.received().get(0).body());
        assertThat(body.has("environmentKey")).isFalse();
        assertThat(body.get("data").get("buildKey").asString()).isEqualTo(build.json().get("buildKey").asString());
        // the test app's revisions come from no bundle, so its build ends with errors
        assertThat(body.get("data").get("status").asString()).isEqualTo("FinishedWithErrors");
    }

    @Test
    void approvalEventsReachTheStagesWebhooksInTheOrderOfTheirDeploy() {
        subscribe("\"approval.requested\", \"approval.decided\", \"operation.finished\"");
        String policy = "/api/stageport/v1/environments/" + DemoData.QA + "/policy";
        assertThat(api.put(policy, "{\"requiredApprovals\": 1, \"approvalTimeoutMinutes\": 10}").status())
                .isEqualTo(200);
        String op;
        try {
            op = deploy(newApp());
            tickUntilIdle();
            clock.advance(Duration.ofMinutes(11));
            tickUntilIdle();
        } finally {
            api.put(policy, "{}");
        }

        List<TestReceiver.Received> got = receiver.received();
        assertThat(got).extracting(TestReceiver.Received::event)
                .containsExactly("approval.requested", "approval.decided", "operation.finished");
        JsonNode requested = JSON.readTree(got.get(0).body()).get("data");
        assertThat(requested.get("requiredApprovals").asInt()).isEqualTo(1);
        assertThat(requested.get("requestedBy").asString()).isEqualTo(CLIENT_ID);
        assertThat(JSON.readTree(got.get(1).body()).get("data").get("status").asString()).isEqualTo("Expired");
        assertThat(got).allMatch(r -> operationKey(r).equals(op));
    }

    private JsonNode subscribe(String events) {
        Api.Response r = api.post(HOOKS, """
                {"url": "%s", "events": [%s], "environmentKeys": ["%s"]}""".formatted(receiver.url(), events,
                DemoData.QA));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        hooks.add(r.json().get("key").asString());
        return r.json();
    }

    private String deploy(TestApp app) {
        Api.Response r = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), DemoData.QA));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private static String operationKey(TestReceiver.Received r) {
        return JSON.readTree(r.body()).get("data").get("operationKey").asString();
    }

    private static List<String> ids(JsonNode deliveries) {
        return StreamSupport.stream(deliveries.get("results").spliterator(), false).map(d -> d.get("id").asString())
                .collect(Collectors.toList());
    }
}
