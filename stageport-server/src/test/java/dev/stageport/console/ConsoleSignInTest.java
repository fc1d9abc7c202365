package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions and the wall between the console's cookie and the API's bearer tokens, over real HTTP. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleSignInTest extends ServerTest {

    private ConsoleSession session() {
        return new ConsoleSession(baseUrl());
    }

    @Test
    void aPageAskedForBeforeSigningInOpensAfterSigningIn() {
        ConsoleSession browser = session();
        HttpResponse<String> asked = browser.get("/console/operations");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");

        HttpResponse<String> signedIn = browser.signIn("admin", ADMIN_PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/console/operations");
        HttpResponse<String> overview = browser.get("/console");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Hello Settings", "Development", "QA", "Production");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = session().signIn("admin", "not-the-password");
        HttpResponse<String> unknownUser = session().signIn("nobody-" + UUID.randomUUID(), "not-the-password");

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(unknownUser.headers().firstValue("Location")).isEqualTo(wrongPassword.headers().firstValue("Location"));
        assertThat(session().get("/console/login?error").body()).contains("Wrong user name or password.");
    }

    @Test
    void repeatedFailuresForANameAreThrottledEvenWithTheRightPassword() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "right-password-" + UUID.randomUUID();
        api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name + "\",\"password\":\"" + password
                + "\",\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"*\"}]}");
        for (int i = 0; i < 5; i++) {
            assertThat(session().signIn(name, "wrong").headers().firstValue("Location").orElseThrow())
                    .endsWith("?error");
        }

        HttpResponse<String> sixth = session().signIn(name, password);

        assertThat(sixth.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?throttled");
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedWith403() {
        ConsoleSession browser = session();
        browser.get("/console/login");

        HttpResponse<String> posted = browser.post("/console/login", Map.of("username", "admin",
                "password", ADMIN_PASSWORD));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("CSRF");
    }

    @Test
    void theApiNeverAcceptsTheConsoleCookie() {
        ConsoleSession browser = session();
        browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);

        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/stageport/v1/console-users")).header("Cookie", browser.cookie())
                .GET().build());

        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleNeverAcceptsABearerToken() {
        HttpResponse<String> page = session().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/console"))
                .header("Authorization", "Bearer " + api.token()).GET().build());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    @Test
    void aPageForAnUnknownKeyIsA404Page() {
        ConsoleSession browser = session();
        browser.signIn("admin", ADMIN_PASSWORD);

        HttpResponse<String> unknown = browser.get("/console/assets/" + UUID.randomUUID());
        HttpResponse<String> malformed = browser.get("/console/operations/not-a-key");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(unknown.body()).contains("Not found", "No asset with key");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("operationKey");
    }

    @Test
    void aMissingOrMalformedPageKeepsTheMenuOfTheSignedInUser() {
        ConsoleSession browser = session();
        browser.signIn("admin", ADMIN_PASSWORD);

        for (String path : new String[] {"/console/assets/" + UUID.randomUUID(), "/console/operations/not-a-key"}) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isIn(400, 404);
            assertThat(page.body()).as(path)
                    .contains("href=\"/console/operations\"", "href=\"/console/approvals\"", "Sign out");
        }
    }

    @Test
    void anExpiredSessionLeadsToSignInAndThenToThePageAskedFor() {
        ConsoleSession before = session();
        before.signIn("admin", ADMIN_PASSWORD);
        String stale = before.cookie();
        // signing out ends the session on the server, as its timeout would: the cookie is left naming nothing
        assertThat(before.post("/console/logout", Map.of("_csrf", before.csrf("/console"))).statusCode())
                .isEqualTo(302);
        ConsoleSession browser = session();

        HttpResponse<String> asked = browser.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/console/operations?status=Finished")).header("Cookie", stale).GET().build());
        HttpResponse<String> signedIn = browser.signIn("admin", ADMIN_PASSWORD);

        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                .contains("/console/operations?status=Finished");
        assertThat(browser.get("/console/operations?status=Finished").statusCode()).isEqualTo(200);
    }
}
