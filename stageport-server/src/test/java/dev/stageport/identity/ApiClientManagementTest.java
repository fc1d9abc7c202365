package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ApiClientManagementTest extends ServerTest {

    private static final String CLIENTS = "/api/stageport/v1/api-clients";

    @Autowired
    CallerDirectory callers;

    @Test
    void createdClientGetsItsSecretOnceAndTokensForItsStagesOnly() {
        Api.Response created = api.post(CLIENTS, """
                {"name": "QA pipeline", "description": "deploys to QA",
                 "permissions": [{"permission": "StageView", "environmentKey": "%s"},
                                 {"permission": "AppDeploy", "environmentKey": "%s"}]}"""
                .formatted(DemoData.QA, DemoData.QA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode client = created.json();
        String id = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(client.get("status").asString()).isEqualTo("Active");
        Instant expiry = Instant.parse(client.get("secretExpiresAt").asString());
        assertThat(expiry).isBetween(Instant.now().plus(89, ChronoUnit.DAYS), Instant.now().plus(91, ChronoUnit.DAYS));

        assertThat(api.get(CLIENTS + "/" + id).json().has("clientSecret")).isFalse();
        Api pipeline = new Api(baseUrl());
        pipeline.login(id, secret);
        assertThat(pipeline.get("/api/portfolios/v1/environments").json().get("results")).hasSize(1);
    }

    @Test
    void suspendedClientGetsNoTokenAndResumedClientDoes() {
        JsonNode client = api.post(CLIENTS, "{\"name\": \"to suspend\", \"permissions\": []}").json();
        String id = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(api.post(CLIENTS + "/" + id + "/suspend", "").json().get("status").asString())
                .isEqualTo("Suspended");
        assertThat(new Api(baseUrl()).form("/identity/oauth2/token", "grant_type=client_credentials&client_id=" + id
                + "&client_secret=" + secret).status()).isEqualTo(401);
        assertThat(api.post(CLIENTS + "/" + id + "/resume", "").json().get("status").asString())
                .isEqualTo("NeedsAttention");
        new Api(baseUrl()).login(id, secret);
    }

    @Test
    void regeneratedSecretReplacesTheOldOne() {
        JsonNode client = api.post(CLIENTS, "{\"name\": \"rotating\"}").json();
        String id = client.get("clientId").asString();
        String old = client.get("clientSecret").asString();
        String fresh = api.post(CLIENTS + "/" + id + "/secret", "{}").json().get("clientSecret").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(new Api(baseUrl()).form("/identity/oauth2/token", "grant_type=client_credentials&client_id=" + id
                + "&client_secret=" + old).status()).isEqualTo(401);
        new Api(baseUrl()).login(id, fresh);
    }

    @Test
    void editChangesNameAndDescriptionAndDeleteRemovesTheClient() {
        String id = api.post(CLIENTS, "{\"name\": \"old\"}").json().get("clientId").asString();
        JsonNode edited = api.patch(CLIENTS + "/" + id, "{\"name\": \"new\", \"description\": \"d\"}").json();
        assertThat(edited.get("name").asString()).isEqualTo("new");
        assertThat(api.delete(CLIENTS + "/" + id).status()).isEqualTo(204);
        api.get(CLIENTS + "/" + id).problem(404);
    }

    @Test
    void permissionChangesApplyToExistingTokens() {
        JsonNode client = api.post(CLIENTS, """
                {"name": "viewer", "permissions": [{"permission": "StageView", "environmentKey": "*"}]}""").json();
        String id = client.get("clientId").asString();
        Api viewer = new Api(baseUrl());
        viewer.login(id, client.get("clientSecret").asString());
        assertThat(viewer.get("/api/portfolios/v1/environments").json().get("results")).hasSize(3);
        api.patch(CLIENTS + "/" + id, "{}");
        assertThat(api.put(CLIENTS + "/" + id + "/permissions", """
                {"permissions": [{"permission": "StageView", "environmentKey": "%s"}]}""".formatted(DemoData.QA))
                .status()).isEqualTo(200);
        assertThat(viewer.get("/api/portfolios/v1/environments").json().get("results")).hasSize(1);
    }

    @Test
    void invalidRequestsThen400() {
        api.post(CLIENTS, "{}").problem(400);
        api.post(CLIENTS, "{\"name\": \"x\", \"secretExpiresAt\": \"2020-01-01T00:00:00Z\"}").problem(400);
        api.post(CLIENTS, "{\"name\": \"x\", \"secretExpiresAt\": \"" + Instant.now().plus(800, ChronoUnit.DAYS)
                + "\"}").problem(400);
        JsonNode problem = api.post(CLIENTS, """
                {"name": "x", "permissions": [{"permission": "Fly", "environmentKey": "*"},
                                              {"permission": "StageView", "environmentKey": "nowhere"}]}""")
                .problem(400);
        assertThat(problem.get("errors")).hasSize(2);
        api.post(CLIENTS, "{\"name\": ").problem(400);
    }

    @Test
    void managingClientsNeedsTheManagePermission() {
        Api deployer = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(Caller.EVERY_STAGE)));
        deployer.get(CLIENTS).problem(403);
        deployer.post(CLIENTS, "{\"name\": \"sneaky\"}").problem(403);
    }

    @Test
    void aClientCannotDeleteOrSuspendItself() {
        api.delete(CLIENTS + "/" + CLIENT_ID).problem(409);
        api.post(CLIENTS + "/" + CLIENT_ID + "/suspend", "").problem(409);
    }
}
