package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Editing a value on the configuration page: pending, then applied with one click; secrets set, never shown. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleConfigEditTest extends ServerTest {

    static final String QA = ConsolePagesTest.QA;
    static final String OPS = "/api/deployments/v1/deployment-operations";

    /** A fresh app running revision 1 in QA. */
    private TestApp appInQa() throws InterruptedException {
        TestApp app = newApp();
        Api.Response started = api.post(OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key()
                + "\",\"buildKey\":\"" + app.release1() + "\",\"revision\":1,\"environmentKey\":\"" + QA + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(awaitStatus(api, OPS + "/" + started.json().get("key").asString(), "Running").get("status")
                .asString()).isEqualTo("Finished");
        return app;
    }

    private static String page(TestApp app) {
        return "/console/assets/" + app.key() + "/configuration/" + QA;
    }

    private static HttpResponse<String> set(ConsoleSession browser, TestApp app, String settingKey, String value) {
        return browser.post(page(app), Map.of("settingKey", settingKey, "value", value,
                "_csrf", browser.csrf("/console/operations")));
    }

    private JsonNode setting(TestApp app, String settingKey) {
        for (JsonNode s : api.get("/api/asset-configurations/v1/environments/" + QA + "/applications/" + app.key()
                + "/revisions/deployed/configurations").json().get("settings")) {
            if (s.get("key").asString().equals(settingKey)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + settingKey);
    }

    private ConsoleSession admin() {
        ConsoleSession browser = new ConsoleSession(baseUrl());
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }

    @Test
    void anEditedValueIsPendingAndApplyStartsApplyConfigsAndLandsOnTheOperation() throws InterruptedException {
        TestApp app = appInQa();
        ConsoleSession browser = admin();
        assertThat(browser.get(page(app)).body()).contains("class=\"set-value\"").doesNotContain("apply-configs");

        HttpResponse<String> saved = set(browser, app, app.greeting(), "Hello <b>QA</b>");
        String after = browser.get(page(app) + "?saved").body();
        HttpResponse<String> applied = browser.post("/console/assets/" + app.key() + "/apply-configs", Map.of(
                "environmentKey", QA, "idempotencyKey", UUID.randomUUID().toString(),
                "_csrf", browser.csrf(page(app))));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains(page(app));
        assertThat(after).contains("Hello &lt;b&gt;QA&lt;/b&gt;", "pending", "id=\"apply-configs\"")
                .doesNotContain("<b>QA</b>");
        assertThat(setting(app, app.greeting()).get("value").asString()).isEqualTo("Hello <b>QA</b>");
        assertThat(applied.statusCode()).isEqualTo(302);
        String operation = applied.headers().firstValue("Location").orElseThrow();
        assertThat(operation).contains("/console/operations/");
        JsonNode op = awaitStatus(api, OPS + "/" + operation.substring(operation.lastIndexOf('/') + 1), "Running");
        assertThat(op.get("operation").asString()).isEqualTo("ApplyConfigs");
        assertThat(op.get("status").asString()).isEqualTo("Finished");
        assertThat(setting(app, app.greeting()).get("deployedValue").asString()).isEqualTo("Hello <b>QA</b>");
    }

    @Test
    void aSecretCanBeSetButItsValueIsNeverShown() throws InterruptedException {
        TestApp app = appInQa();
        ConsoleSession browser = admin();

        HttpResponse<String> saved = set(browser, app, app.token(), "top-secret-value-123");
        HttpResponse<String> empty = set(browser, app, app.token(), "");
        String after = browser.get(page(app)).body();

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("&#39;value&#39;");
        assertThat(after).doesNotContain("top-secret-value-123").contains("(set)", "type=\"password\"");
    }

    @Test
    void aUserWhoMayNotEditIsNotOfferedTheFormAndIsRefusedWhenPosting() throws InterruptedException {
        TestApp app = appInQa();
        ConsoleSession viewer = ConsoleSession.newUser(api, baseUrl(), "viewer-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"CfgView\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"" + QA + "\"}]");

        String shown = viewer.get(page(app)).body();
        HttpResponse<String> posted = set(viewer, app, app.greeting(), "mine");
        HttpResponse<String> noCsrf = admin().post(page(app), Map.of("settingKey", app.greeting(), "value", "x"));

        assertThat(shown).contains("Greeting").doesNotContain("set-value");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(setting(app, app.greeting()).get("value").asString()).isEqualTo("Hi");
    }

    @Test
    void anUnknownSettingIs400NamingTheParameter() throws InterruptedException {
        TestApp app = appInQa();

        HttpResponse<String> posted = set(admin(), app, UUID.randomUUID().toString(), "x");

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("&#39;settingKey&#39;");
    }

    @Test
    void consoleFormsAreAuditedWithTheUserAndTheStageButSignInIsNot() throws InterruptedException {
        TestApp app = appInQa();
        ConsoleSession browser = admin();
        assertThat(set(browser, app, app.greeting(), "audited").statusCode()).isEqualTo(302);
        browser.post("/console/assets/" + app.key() + "/apply-configs", Map.of("environmentKey", QA,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf(page(app))));

        JsonNode events = api.get("/api/stageport/v1/audit-events?clientId=user:admin&assetKey=" + app.key())
                .json().get("results");
        assertThat(events).extracting(e -> e.get("method").asString() + " " + e.get("path").asString() + " "
                + e.get("environmentKey").asString() + " " + e.get("status").asInt())
                .contains("POST " + page(app) + " " + QA + " 302",
                        "POST /console/assets/" + app.key() + "/apply-configs " + QA + " 302");
        assertThat(api.get("/api/stageport/v1/audit-events?method=POST&limit=100").body())
                .doesNotContain("\"/console/login\"");
    }
}
