package dev.stageport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.secrets.SecretCipher;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Creating, reading and deleting webhooks over HTTP, and the input they refuse. */
class WebhookApiTest extends ServerTest {

    static final String HOOKS = "/api/stageport/v1/webhooks";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretCipher cipher;

    @Test
    void aCreatedWebhookShowsItsSecretOnceKeepsItSealedAndCanBeListedAndDeleted() {
        Api.Response created = api.post(HOOKS, """
                {"url": "https://ci.example.com/stageport", "events": ["operation.finished", "approval.requested",
                 "approval.decided", "freeze.overridden", "build.finished"], "environmentKeys": ["%s"]}"""
                .formatted(DemoData.PRODUCTION));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode hook = created.json();
        String key = hook.get("key").asString();
        String secret = hook.get("secret").asString();
        assertThat(UUID.fromString(key)).isNotNull();
        assertThat(hook.get("events").toString()).contains("freeze.overridden", "build.finished");
        assertThat(hook.get("environmentKeys").get(0).asString()).isEqualTo(DemoData.PRODUCTION);
        assertThat(hook.get("createdBy").asString()).isEqualTo(CLIENT_ID);

        String sealed = jdbc.sql("select secret_sealed from webhook where webhook_key = ?").param(key)
                .query(String.class).single();
        assertThat(sealed).doesNotContain(secret.substring(6));
        assertThat(cipher.decryptText(sealed)).isEqualTo(secret);

        JsonNode one = api.get(HOOKS + "/" + key).json();
        assertThat(one.has("secret")).isFalse();
        assertThat(one.get("url").asString()).isEqualTo("https://ci.example.com/stageport");
        assertThat(api.get(HOOKS + "?limit=100").body()).contains(key).doesNotContain(secret);

        assertThat(api.delete(HOOKS + "/" + key).status()).isEqualTo(204);
        api.get(HOOKS + "/" + key).problem(404);
        api.delete(HOOKS + "/" + key).problem(404);
    }

    @Test
    void badInputIsRefusedWith400NamingTheFieldAndNothingIsStored() {
        int before = count();
        String qa = "\"" + DemoData.QA + "\"";
        assertRefused("{\"url\": \"ftp://ci.example.com/hook\", \"events\": [\"operation.started\"]}", "'url'");
        assertRefused("{\"url\": \"file:///etc/passwd\", \"events\": [\"operation.started\"]}", "'url'");
        assertRefused("{\"url\": \"not a url\", \"events\": [\"operation.started\"]}", "'url'");
        assertRefused("{\"events\": [\"operation.started\"]}", "'url'");
        assertRefused("{\"url\": \"https://ci.example.com/hook\", \"events\": [\"operation.started\", "
                + "\"deploy.exploded\"]}", "'events'");
        assertRefused("{\"url\": \"https://ci.example.com/hook\", \"events\": []}", "'events'");
        assertRefused("{\"url\": \"https://ci.example.com/hook\", \"events\": [\"operation.started\"], "
                + "\"environmentKeys\": [" + qa + ", \"" + UUID.randomUUID() + "\"]}", "'environmentKeys'");
        assertRefused("{\"url\": \"https://ci.example.com/hook\", \"events\": [\"operation.started\"], "
                + "\"environmentKeys\": [\"QA\"]}", "'environmentKeys'");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void managingWebhooksNeedsTheTenantWideManageApiClientsPermission() {
        Api deployer = clientWith(everywhere(Permission.DEPLOY_APPS, Permission.STAGE_VIEW));
        deployer.post(HOOKS, "{\"url\": \"https://ci.example.com/hook\", \"events\": [\"operation.started\"]}")
                .problem(403);
        Api onQaOnly = clientWith(Map.of(Permission.MANAGE_API_CLIENTS, Set.of(DemoData.QA)));
        onQaOnly.get(HOOKS).problem(403);
        Api manager = clientWith(everywhere(Permission.MANAGE_API_CLIENTS));
        assertThat(manager.get(HOOKS).status()).isEqualTo(200);
    }

    private void assertRefused(String body, String field) {
        JsonNode problem = api.post(HOOKS, body).problem(400);
        assertThat(problem.get("detail").asString()).as(body).contains(field);
    }

    private int count() {
        return jdbc.sql("select count(*) from webhook").query(Integer.class).single();
    }
}
