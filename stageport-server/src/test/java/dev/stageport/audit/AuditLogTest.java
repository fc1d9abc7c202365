package dev.stageport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditLogTest extends ServerTest {

    static final String AUDIT = "/api/stageport/v1/audit-events";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    @Autowired
    JdbcClient jdbc;

    private static String patchPath(String env, String app) {
        return "/api/asset-configurations/v1/environments/" + env + "/applications/" + app + "/configurations";
    }

    private static String settingBody(String key, String value) {
        return "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + key + "\", \"value\": \"" + value + "\"}]}";
    }

    private List<JsonNode> events(String query) {
        Api.Response r = api.get(AUDIT + "?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("results").forEach(out::add);
        return out;
    }

    private String everythingStored() {
        return jdbc.sql("select * from audit_event").query().listOfRows().toString();
    }

    @Test
    void patchOfConfigurationIsAuditedWithStageAndAssetButNoValue() {
        TestApp app = newApp();
        String secret = "s3cret-" + UUID.randomUUID();
        Api.Response r = api.patch(patchPath(DemoData.QA, app.key()), settingBody(app.token(), secret));
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        List<JsonNode> events = events("assetKey=" + app.key());
        assertThat(events).hasSize(1);
        JsonNode e = events.get(0);
        assertThat(e.get("method").asString()).isEqualTo("PATCH");
        assertThat(e.get("path").asString()).isEqualTo(patchPath(DemoData.QA, app.key()));
        assertThat(e.get("environmentKey").asString()).isEqualTo(DemoData.QA);
        assertThat(e.get("assetKey").asString()).isEqualTo(app.key());
        assertThat(e.get("clientId").asString()).isEqualTo(CLIENT_ID);
        assertThat(e.get("status").asInt()).isEqualTo(204);
        assertThat(e.get("remoteAddress").asString()).isNotBlank();
        assertThat(e.get("traceId").asString()).hasSize(32);
        assertThat(e.get("durationMillis").asLong()).isNotNegative();
        assertThat(Instant.parse(e.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(everythingStored()).doesNotContain(secret);
    }

    @Test
    void createdClientSecretNeverReachesTheAuditTable() {
        JsonNode created = api.post("/api/stageport/v1/api-clients", "{\"name\": \"audited\"}").json();
        String id = created.get("clientId").asString();
        String secret = created.get("clientSecret").asString();
        String fresh = api.post("/api/stageport/v1/api-clients/" + id + "/secret", "{}").json()
                .get("clientSecret").asString();
        assertThat(events("clientId=" + CLIENT_ID + "&method=POST&status=2xx"))
                .anySatisfy(e -> assertThat(e.get("path").asString()).endsWith("/" + id + "/secret"));
        assertThat(everythingStored()).doesNotContain(secret).doesNotContain(fresh);
    }

    @Test
    void refusedRequestsAreAuditedWithTheirStatus() {
        TestApp app = newApp();
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(Caller.EVERY_STAGE)));
        viewer.patch(patchPath(DemoData.QA, app.key()), settingBody(app.greeting(), "Hello")).problem(403);
        viewer.post(OPS, "{\"operation\": ").problem(400);
        new Api(baseUrl()).post(OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key() + "\"}").problem(401);

        List<JsonNode> refused = events("assetKey=" + app.key());
        assertThat(refused).hasSize(1);
        String viewerId = refused.get(0).get("clientId").asString();
        assertThat(viewerId).startsWith("client-");
        assertThat(refused.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(events("clientId=" + viewerId + "&status=4xx")).extracting(e -> e.get("status").asInt())
                .containsExactly(400, 403);
        assertThat(events("clientId=" + viewerId + "&status=400")).hasSize(1);
        // The unauthenticated body is not read, so it names no asset; the caller is unknown.
        assertThat(events("status=401&method=POST")).anySatisfy(e -> {
            assertThat(e.get("clientId").isNull()).isTrue();
            assertThat(e.get("path").asString()).isEqualTo(OPS);
            assertThat(e.get("assetKey").isNull()).isTrue();
        });
    }

    @Test
    void deployIsAuditedWithTheKeysFromItsBody() {
        TestApp app = newApp();
        Api.Response r = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), DemoData.DEVELOPMENT));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        List<JsonNode> events = events("assetKey=" + app.key() + "&environmentKey=" + DemoData.DEVELOPMENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("method").asString()).isEqualTo("POST");
        assertThat(events.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(events.get(0).get("path").asString()).isEqualTo(OPS);
    }

    @Test
    void filtersAndPagingWalkTheLogNewestFirst() {
        TestApp app = newApp();
        Instant before = Instant.now().minusSeconds(1);
        Api editor = clientWith(Map.of(Permission.EDIT_CONFIGURATIONS, Set.of(Caller.EVERY_STAGE)));
        for (String value : List.of("a", "b", "c")) {
            assertThat(editor.patch(patchPath(DemoData.QA, app.key()), settingBody(app.greeting(), value)).status())
                    .isEqualTo(204);
        }
        String editorId = events("assetKey=" + app.key()).get(0).get("clientId").asString();

        JsonNode first = api.get(AUDIT + "?clientId=" + editorId + "&limit=2").json();
        assertThat(first.get("page").get("count").asInt()).isEqualTo(2);
        assertThat(first.get("page").get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("page").get("nextPageOffset").asInt()).isEqualTo(2);
        long newest = first.get("results").get(0).get("id").asLong();
        assertThat(first.get("results").get(1).get("id").asLong()).isLessThan(newest);
        JsonNode second = api.get(AUDIT + "?clientId=" + editorId + "&limit=2&offset=2").json();
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("page").hasNonNull("nextPageOffset")).isFalse();

        assertThat(events("clientId=" + editorId + "&since=" + before)).hasSize(3);
        assertThat(events("clientId=" + editorId + "&until=" + before)).isEmpty();
        assertThat(events("clientId=" + editorId + "&method=delete")).isEmpty();
        assertThat(events("clientId=" + editorId + "&environmentKey=" + DemoData.PRODUCTION)).isEmpty();
        assertThat(events("clientId=" + editorId + "&status=204")).hasSize(3);
    }

    @Test
    void invalidFiltersThen400() {
        for (String query : List.of("limit=0", "limit=101", "offset=-1", "status=4x", "status=600",
                "since=yesterday", "until=2024-13-01T00:00:00Z", "environmentKey=nope", "assetKey=x",
                "method=GET", "since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z")) {
            api.get(AUDIT + "?" + query).problem(400);
        }
    }

    @Test
    void readingTheAuditLogNeedsManageApiClientsThen403() {
        clientWith(Map.of(Permission.MANAGE_API_CLIENTS, Set.of(DemoData.QA))).get(AUDIT).problem(403);
        clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(Caller.EVERY_STAGE))).get(AUDIT).problem(403);
        new Api(baseUrl()).get(AUDIT).problem(401);
        assertThat(clientWith(everywhere(Permission.MANAGE_API_CLIENTS)).get(AUDIT).status()).isEqualTo(200);
    }
}
