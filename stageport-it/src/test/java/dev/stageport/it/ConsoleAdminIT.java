package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged server's first start makes the console's admin with a generated password, printed once. */
class ConsoleAdminIT {

    private static final Path WORK = Path.of("target", "it", "console-admin-" + UUID.randomUUID());
    private static final Pattern PASSWORD = Pattern.compile("=== Stageport console sign-in \\(shown once, save it now\\) "
            + "===\\R+user: +admin\\R+password: +(\\S+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theFirstStartPrintsAGeneratedAdminPasswordThatSignsInAndNoLaterStartPrintsItAgain() throws Exception {
        String password;
        try (ServerProcess first = ServerProcess.start("admin", WORK, Map.of("STAGEPORT_DEMO_RUNTIME_DRIVER",
                "simulated"))) {
            Matcher printed = PASSWORD.matcher(Files.readString(first.log()));
            assertThat(printed.find()).as("the sign-in block in %s", first.log()).isTrue();
            password = printed.group(1);
            assertThat(signIn(first.url(), password)).as("where signing in led").endsWith("/console");
            assertThat(signIn(first.url(), password + "x")).endsWith("/console/login?error");
        }
        try (ServerProcess second = ServerProcess.start("admin", WORK, Map.of("STAGEPORT_DEMO_RUNTIME_DRIVER",
                "simulated"))) {
            assertThat(Files.readString(second.log())).doesNotContain("console sign-in", password);
            assertThat(signIn(second.url(), password)).endsWith("/console");
        }
    }

    /** Where the sign-in form's answer redirects to. */
    private static String signIn(String url, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(url + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.statusCode() + ")");
    }
}
