package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating and suspending API clients and console users on the identities page, over real HTTP. */
class ConsoleIdentitiesTest extends ServerTest {

    static final String PAGE = "/console/identities";
    static final String QA = ConsolePagesTest.QA;
    static final Pattern SECRET = Pattern.compile("id=\"new-secret\">([^<]+)<");

    private ConsoleSession admin() {
        ConsoleSession browser = new ConsoleSession(baseUrl());
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }

    private static String body(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return out.toString();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Posts a form whose checkboxes repeat the name "grant". */
    private HttpResponse<String> postForm(ConsoleSession browser, String path, String form) {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String secretShownOn(String page) {
        Matcher m = SECRET.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aManagerCreatesAnApiClientWithPerStagePermissionsAndSeesItsSecretOnce() {
        ConsoleSession browser = admin();
        String name = "Pipeline <b>" + UUID.randomUUID().toString().substring(0, 6) + "</b>";
        String form = body("name", name, "grant", "StageView@" + QA, "grant", "AppDeploy@" + QA,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf(PAGE));

        HttpResponse<String> created = postForm(browser, PAGE + "/api-clients", form);
        HttpResponse<String> again = postForm(browser, PAGE + "/api-clients", form);
        String firstLook = browser.get(PAGE).body();
        String secondLook = browser.get(PAGE).body();

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(again.statusCode()).isEqualTo(302);
        String secret = secretShownOn(firstLook);
        assertThat(secret).as("the secret on the page after creating").isNotBlank();
        assertThat(secretShownOn(secondLook)).as("shown once").isNull();
        assertThat(secondLook).doesNotContain(secret).contains(name.replace("<", "&lt;").replace(">", "&gt;"));
        JsonNode matching = null;
        int count = 0;
        for (JsonNode c : api.get("/api/stageport/v1/api-clients").json().get("results")) {
            if (c.get("name").asString().equals(name)) {
                matching = c;
                count++;
            }
        }
        assertThat(count).as("a form posted twice creates one client").isEqualTo(1);
        assertThat(matching.get("permissions").toString()).contains("StageView", "AppDeploy", QA)
                .doesNotContain("\"*\"");
        Api client = new Api(baseUrl());
        client.login(matching.get("clientId").asString(), secret);
        assertThat(client.get("/api/stageport/v1/environments/" + QA + "/policy").status()).isEqualTo(200);
    }

    @Test
    void aManagerCreatesAConsoleUserWhoSignsInWithThePasswordShownOnceAndCanBeSuspended() {
        ConsoleSession browser = admin();
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = postForm(browser, PAGE + "/console-users", body("username", username,
                "grant", "StageView@*", "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf(PAGE)));
        String password = secretShownOn(browser.get(PAGE).body());

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(new ConsoleSession(baseUrl()).signIn(username, password).headers().firstValue("Location")
                .orElseThrow()).endsWith("/console");
        HttpResponse<String> suspended = browser.post(PAGE + "/console-users/" + username + "/status",
                Map.of("suspended", "true", "_csrf", browser.csrf(PAGE)));
        assertThat(suspended.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/stageport/v1/console-users/" + username).json().get("status").asString())
                .isEqualTo("Suspended");
        assertThat(new ConsoleSession(baseUrl()).signIn(username, password).headers().firstValue("Location")
                .orElseThrow()).endsWith("?error");
        browser.post(PAGE + "/console-users/" + username + "/status", Map.of("suspended", "false",
                "_csrf", browser.csrf(PAGE)));
        assertThat(api.get("/api/stageport/v1/console-users/" + username).json().get("status").asString())
                .isEqualTo("Active");
    }

    @Test
    void someoneWhoMayNotManageIdentitiesIsRefusedAndBadInputIs400() {
        ConsoleSession viewer = ConsoleSession.newUser(api, baseUrl(), "plain-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"*\"}]");
        ConsoleSession admin = admin();

        HttpResponse<String> refused = postForm(viewer, PAGE + "/api-clients", body("name", "sneaky",
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", viewer.csrf("/console")));
        HttpResponse<String> suspend = viewer.post(PAGE + "/console-users/admin/status",
                Map.of("suspended", "true", "_csrf", viewer.csrf("/console")));
        HttpResponse<String> badGrant = postForm(admin, PAGE + "/api-clients", body("name", "x", "grant", "StageView",
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", admin.csrf(PAGE)));
        HttpResponse<String> noCsrf = postForm(admin, PAGE + "/console-users", body("username", "nocsrf",
                "idempotencyKey", UUID.randomUUID().toString()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(suspend.statusCode()).isEqualTo(403);
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(badGrant.body()).contains("&#39;grant&#39;");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/stageport/v1/console-users/admin").json().get("status").asString())
                .isEqualTo("Active");
        assertThat(api.get("/api/stageport/v1/api-clients").body()).doesNotContain("sneaky");
    }
}
