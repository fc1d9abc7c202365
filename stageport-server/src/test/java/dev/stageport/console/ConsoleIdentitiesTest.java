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

/** Creating, editing the grants of, and suspending API clients and console users on the identities page, over real HTTP. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleIdentitiesTest extends ServerTest {

    static final String PAGE = "/console/identities";
    static final String QA = ConsolePagesTest.QA;
    static final Pattern SECRET = Pattern.compile("id=\"new-secret\">([^<]+)<");
    static final Pattern GRANT_BOX = Pattern.compile("<input[^>]*name=\"grant\"[^>]*>");
    static final Pattern BOX_VALUE = Pattern.compile("value=\"([^\"]+)\"");
    static final String USERS = "/api/stageport/v1/console-users";

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

    /** The grant boxes ticked on a page, as "PermissionCode@environmentKey". */
    private static java.util.Set<String> ticked(String page) {
        java.util.Set<String> boxes = new java.util.TreeSet<>();
        Matcher box = GRANT_BOX.matcher(page);
        while (box.find()) {
            Matcher value = BOX_VALUE.matcher(box.group());
            if (box.group().contains(" checked") && value.find()) {
                boxes.add(value.group(1));
            }
        }
        return boxes;
    }

    private static String grantsOf(JsonNode identity) {
        java.util.Set<String> grants = new java.util.TreeSet<>();
        identity.get("permissions").forEach(g -> grants.add(g.get("permission").asString() + "@"
                + g.get("environmentKey").asString()));
        return grants.toString();
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

    @Test
    void aManagerEditsAConsoleUsersGrantsOnTheGridTickedAsTheyAreAndSavingTwiceIsHarmless() {
        String username = "edit-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession.newUser(api, baseUrl(), username, "[{\"permission\":\"StageView\",\"environmentKey\":\"*\"},"
                + "{\"permission\":\"AppDeploy\",\"environmentKey\":\"" + QA + "\"}]");
        ConsoleSession browser = admin();
        String userPage = PAGE + "/console-users/" + username;

        String listed = browser.get(PAGE).body();
        HttpResponse<String> form = browser.get(userPage);
        String save = body("grant", "StageView@" + QA, "grant", "CfgView@" + QA, "_csrf", browser.csrf(userPage));
        HttpResponse<String> saved = postForm(browser, userPage + "/permissions", save);
        HttpResponse<String> again = postForm(browser, userPage + "/permissions", save);

        assertThat(listed).contains("href=\"" + userPage + "\"");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(ticked(form.body())).containsExactly("AppDeploy@" + QA, "StageView@*");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(PAGE);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(grantsOf(api.get(USERS + "/" + username).json()))
                .isEqualTo("[CfgView@" + QA + ", StageView@" + QA + "]");
        assertThat(ticked(browser.get(userPage).body())).containsExactly("CfgView@" + QA, "StageView@" + QA);
        JsonNode audited = api.get("/api/stageport/v1/audit-events?clientId=user:admin&method=POST&limit=100")
                .json().get("results");
        assertThat(audited).extracting(e -> e.get("path").asString() + " " + e.get("status").asInt())
                .contains(userPage + "/permissions 302");
    }

    @Test
    void aManagerEditsAnApiClientsGrantsAndItsNameIsShownAsText() {
        String name = "Pipeline <script>x</script> " + UUID.randomUUID().toString().substring(0, 6);
        JsonNode created = api.post("/api/stageport/v1/api-clients", "{\"name\":\"" + name.replace("<", "\\u003c")
                + "\",\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"}]}").json();
        String clientId = created.get("clientId").asString();
        ConsoleSession browser = admin();
        String clientPage = PAGE + "/api-clients/" + clientId;

        HttpResponse<String> form = browser.get(clientPage);
        HttpResponse<String> saved = postForm(browser, clientPage + "/permissions", body("grant", "StageView@*",
                "grant", "AppDeploy@*", "_csrf", browser.csrf(clientPage)));
        String listed = browser.get(PAGE).body();

        assertThat(form.body()).contains("Pipeline &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        assertThat(ticked(form.body())).containsExactly("StageView@" + QA);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(grantsOf(api.get("/api/stageport/v1/api-clients/" + clientId).json()))
                .isEqualTo("[AppDeploy@*, StageView@*]");
        assertThat(listed).contains("id=\"saved\"", clientId);
        assertThat(browser.get(PAGE + "/api-clients/no-such-client").statusCode()).isEqualTo(404);
    }

    @Test
    void someoneWhoMayNotManageIdentitiesCannotOpenOrPostTheGrantsFormAndNothingChanges() {
        ConsoleSession viewer = ConsoleSession.newUser(api, baseUrl(), "peek-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"*\"}]");
        ConsoleSession admin = admin();
        String before = grantsOf(api.get(USERS + "/admin").json());

        HttpResponse<String> form = viewer.get(PAGE + "/console-users/admin");
        HttpResponse<String> posted = postForm(viewer, PAGE + "/console-users/admin/permissions",
                body("grant", "StageView@*", "_csrf", viewer.csrf("/console")));
        HttpResponse<String> badGrant = postForm(admin, PAGE + "/console-users/admin/permissions",
                body("grant", "Nonsense@*", "_csrf", admin.csrf(PAGE)));

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/console").body()).doesNotContain("Edit permissions");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Manage");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(badGrant.body()).contains("Unknown permission &#39;Nonsense&#39;");
        assertThat(grantsOf(api.get(USERS + "/admin").json())).isEqualTo(before).contains("ManageApiClients@*");
    }

    @Test
    void aManagerWhoGivesUpTheirOwnManagePermissionLandsOnTheOverview() {
        String username = "self-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession manager = ConsoleSession.newUser(api, baseUrl(), username,
                "[{\"permission\":\"ManageApiClients\",\"environmentKey\":\"*\"},"
                        + "{\"permission\":\"StageView\",\"environmentKey\":\"*\"}]");
        String ownPage = PAGE + "/console-users/" + username;

        String form = manager.get(ownPage).body();
        HttpResponse<String> saved = postForm(manager, ownPage + "/permissions",
                body("grant", "StageView@*", "_csrf", manager.csrf(ownPage)));

        assertThat(form).contains("These are your own permissions");
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(grantsOf(api.get(USERS + "/" + username).json())).isEqualTo("[StageView@*]");
        assertThat(manager.get(PAGE).statusCode()).isEqualTo(403);
    }
}
