package dev.stageport.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for console tests: keeps the session cookie, reads CSRF tokens from pages. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    ConsoleSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token a page carries in its forms. */
    String csrf(String pagePath) {
        Matcher m = CSRF.matcher(get(pagePath).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + pagePath);
        }
        return m.group(1);
    }

    /** A new console user with these grants (a JSON array), signed in; the user's name is {@code name}. */
    static ConsoleSession newUser(dev.stageport.support.Api api, String base, String name, String permissionsJson) {
        String password = "password-" + java.util.UUID.randomUUID();
        var created = api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"permissions\":" + permissionsJson + "}");
        if (created.status() != 201) {
            throw new AssertionError("console user not created: " + created.body());
        }
        ConsoleSession browser = new ConsoleSession(base);
        String landed = browser.signIn(name, password).headers().firstValue("Location").orElseThrow();
        if (!landed.endsWith("/console")) {
            throw new AssertionError("sign-in of " + name + " led to " + landed);
        }
        return browser;
    }

    /** Posts the sign-in form with a valid CSRF token; the answer is the redirect. */
    HttpResponse<String> signIn(String username, String password) {
        return post("/console/login", Map.of("username", username, "password", password,
                "_csrf", csrf("/console/login")));
    }

    /** The session cookie's "name=value". */
    String cookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("stageport_console"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
