package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.assets.Asset;
import dev.stageport.support.ServerTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What console pages show and refuse, over real HTTP (the browser tests cover the same pages in Chromium). */
class ConsolePagesTest extends ServerTest {

    static final String DEVELOPMENT = "d0000000-0000-4000-8000-000000000001";
    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String HELLO = "a0000000-0000-4000-8000-000000000001";
    static final String RELEASE_2 = "b0000000-0000-4000-8000-000000000002";

    private ConsoleSession userWith(String permissionsJson) {
        return ConsoleSession.newUser(api, baseUrl(), "user-" + UUID.randomUUID().toString().substring(0, 8),
                permissionsJson);
    }

    @Test
    void aStageWithoutViewIsOnNoPage() {
        ConsoleSession browser = userWith("[{\"permission\":\"StageView\",\"environmentKey\":\"" + DEVELOPMENT
                + "\"},{\"permission\":\"AssetOpen\",\"environmentKey\":\"" + DEVELOPMENT + "\"}]");

        String overview = browser.get("/console").body();
        String asset = browser.get("/console/assets/" + HELLO).body();
        String operations = browser.get("/console/operations").body();

        assertThat(overview).contains("Development", "Hello Settings").doesNotContain("Production", QA);
        assertThat(asset).contains("Development").doesNotContain("Production").doesNotContain(">QA<");
        assertThat(operations).doesNotContain("Production");
        assertThat(browser.get("/console/assets/" + HELLO + "/configuration/" + QA).statusCode()).isEqualTo(404);
        assertThat(browser.get("/console/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void aDeployTheUserMayNotDoIsNotOfferedAndRefusedWhenPosted() {
        ConsoleSession browser = userWith("[{\"permission\":\"StageView\",\"environmentKey\":\"*\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"*\"}]");

        String asset = browser.get("/console/assets/" + HELLO).body();
        HttpResponse<String> posted = browser.post("/console/assets/" + HELLO + "/deploy", Map.of(
                "buildKey", RELEASE_2, "revision", "2", "environmentKey", QA,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf("/console/assets/" + HELLO)));

        assertThat(asset).doesNotContain("deploy-button");
        assertThat(posted.statusCode()).isEqualTo(403);
    }

    @Test
    void markupInANameIsShownAsText() {
        String key = UUID.randomUUID().toString();
        assets.insert(new Asset(key, "<script>alert(1)</script>", "x", "WebApplication", null, false, Instant.now(),
                "test"));
        ConsoleSession browser = new ConsoleSession(baseUrl());
        browser.signIn("admin", ADMIN_PASSWORD);

        String overview = browser.get("/console").body();
        String asset = browser.get("/console/assets/" + key).body();

        assertThat(overview).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(asset).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void aDeployFormPostedTwiceStartsOneOperation() {
        TestApp app = newApp();
        ConsoleSession browser = new ConsoleSession(baseUrl());
        browser.signIn("admin", ADMIN_PASSWORD);
        Map<String, String> form = Map.of("buildKey", app.release1(), "revision", "1", "environmentKey", QA,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf("/console/assets/" + app.key()));

        HttpResponse<String> first = browser.post("/console/assets/" + app.key() + "/deploy", form);
        HttpResponse<String> second = browser.post("/console/assets/" + app.key() + "/deploy", form);

        assertThat(first.statusCode()).isEqualTo(302);
        String operation = first.headers().firstValue("Location").orElseThrow();
        assertThat(operation).contains("/console/operations/");
        assertThat(second.headers().firstValue("Location")).contains(operation);
        assertThat(api.get("/api/deployments/v1/deployment-operations?assetKey=" + app.key()).json()
                .get("results").size()).isEqualTo(1);
        assertThat(browser.get(operation.substring(operation.indexOf("/console"))).body())
                .contains("Deploy", "op-status");
    }

    @Test
    void everyPageCarriesTheOneNavigationThatNamesEveryPage() {
        ConsoleSession admin = new ConsoleSession(baseUrl());
        admin.signIn("admin", ADMIN_PASSWORD);
        java.util.Set<String> navigations = new java.util.HashSet<>();

        for (String page : java.util.List.of("/console", "/console/assets/" + HELLO,
                "/console/assets/" + HELLO + "/configuration/" + QA,
                "/console/assets/" + HELLO + "/compare?from=" + DEVELOPMENT + "&to=" + QA, "/console/operations",
                "/console/approvals", "/console/audit", "/console/identities",
                "/console/identities/console-users/admin")) {
            String body = admin.get(page).body();
            int start = body.indexOf("<header class=\"top\">");
            assertThat(start).as("the navigation on " + page).isNotNegative();
            // the sign-out form's CSRF token is masked anew on every page
            navigations.add(body.substring(start, body.indexOf("</header>", start))
                    .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        }

        assertThat(navigations).as("one navigation, the same on every page").hasSize(1);
        assertThat(navigations.iterator().next()).contains("href=\"/console\"", "href=\"/console/operations\"",
                "href=\"/console/approvals\"", "href=\"/console/audit\"", "href=\"/console/identities\"");
    }
}
