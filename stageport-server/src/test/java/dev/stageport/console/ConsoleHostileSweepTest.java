package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.hostile.EndpointCatalog;
import dev.stageport.identity.Permission;
import dev.stageport.support.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every console route of {@link EndpointCatalog#CONSOLE}, the way the API's sweep and matrix go over every
 * endpoint: signed out, without a CSRF token, as a user with no permissions, and with absurd input. The
 * pages' own tests say what each one shows; this one says that none of them lets anything through.
 */
class ConsoleHostileSweepTest extends ServerTest {

    private static final String QA = ConsolePagesTest.QA;
    private static final String MARKUP = "<script>alert(1)</script>";
    private static final List<String> HOSTILE = List.of(MARKUP, "x".repeat(5000), "../../etc/passwd", "\u202e\u0000",
            "' or 1=1 --", "-1", "%");
    /** Every form field and query parameter the console's routes read. */
    private static final List<String> FIELDS = List.of("buildKey", "revision", "environmentKey", "idempotencyKey",
            "comment", "reason", "freezeOverride", "value", "setting", "settingKey", "name", "description",
            "username", "displayName", "status", "permissions", "from", "to", "type", "assetKey", "clientId",
            "method", "after", "poll", "page", "operationKey", "suspended", "grant");

    private Map<String, String> keys;
    private String release;

    @BeforeEach
    void fixture() throws InterruptedException {
        TestApp app = newApp();
        var started = api.post("/api/deployments/v1/deployment-operations", """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), QA));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String operation = started.json().get("key").asString();
        awaitStatus(api, "/api/deployments/v1/deployment-operations/" + operation, "Running");
        String client = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        clientWith(client, everywhere(Permission.STAGE_VIEW));
        String user = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/stageport/v1/console-users", "{\"username\":\"" + user + "\",\"password\":\"password-"
                + UUID.randomUUID() + "\",\"permissions\":[]}").status()).isEqualTo(201);
        release = app.release1();
        keys = Map.of("assetKey", app.key(), "environmentKey", QA, "operationKey", operation,
                "approvalKey", UUID.randomUUID().toString(), "clientId", client, "username", user);
    }

    @Test
    void signedOutEveryPageLeadsToSignInAndEveryFormIsRefused() {
        ConsoleSession stranger = new ConsoleSession(baseUrl());
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            HttpResponse<String> answer = route.send(stranger, keys, Map.of());
            String location = answer.headers().firstValue("Location").orElse("");
            boolean toSignIn = answer.statusCode() == 302 && location.contains("/console/login");
            boolean open = route.path().equals("/console/login") || route.path().equals("/console/denied");
            if (!(toSignIn || open || (route.post() && answer.statusCode() == 403))) {
                wrong.add(route + " answered " + answer.statusCode() + " " + location);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedEvenForTheAdmin() {
        ConsoleSession admin = admin();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.post() && !route.path().equals("/console/login")) {
                int status = route.send(admin, keys, Map.of("environmentKey", QA)).statusCode();
                if (status != 403) {
                    wrong.add(route + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aUserWithNoPermissionSeesNoneOfTheFixtureAndMayPostNothing() {
        ConsoleSession nobody = ConsoleSession.newUser(api, baseUrl(), "nobody-" + UUID.randomUUID().toString()
                .substring(0, 8), "[]");
        String csrf = nobody.csrf("/console");
        Map<String, String> plausible = new LinkedHashMap<>();
        FIELDS.forEach(field -> plausible.put(field, keys.getOrDefault(field, "1")));
        // well-formed values, so that what refuses them is the permission check and not the validation
        plausible.putAll(Map.of("environmentKey", QA, "from", QA, "to", ConsoleBrowserTest.PRODUCTION, "buildKey", release, "suspended", "true",
                "grant", "StageView@" + QA, "status", "Finished"));
        plausible.put("idempotencyKey", UUID.randomUUID().toString());
        plausible.put("_csrf", csrf);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.path().equals("/console/login") || route.path().equals("/console/denied")) {
                continue;
            }
            boolean keyed = route.path().contains("{");
            // a list page echoes its filters, so it is asked without them: what it lists is what matters
            HttpResponse<String> answer = route.send(nobody, keys, route.post() || keyed ? plausible : Map.of());
            int status = answer.statusCode();
            boolean refused = status == 403 || status == 404;
            boolean leaks = answer.body().contains(keys.get("assetKey")) || answer.body().contains(keys.get("operationKey"));
            if ((route.post() || keyed) ? !refused : (status != 200 && status != 403) || leaks) {
                wrong.add(route + " answered " + status + (leaks ? " and showed the fixture" : ""));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void absurdKeysFieldsAndParametersAreAnsweredWithoutAServerErrorAndMarkupIsNeverEchoedRaw() {
        ConsoleSession admin = admin();
        String csrf = admin.csrf("/console");
        List<String> wrong = new ArrayList<>();
        for (String hostile : HOSTILE) {
            Map<String, String> absurdKeys = keys.keySet().stream().collect(Collectors.toMap(k -> k, k -> hostile));
            Map<String, String> absurdFields = new LinkedHashMap<>();
            FIELDS.forEach(field -> absurdFields.put(field, hostile));
            for (Route route : routes()) {
                if (route.path().equals("/console/login")) {
                    continue;
                }
                Map<String, String> form = new LinkedHashMap<>(absurdFields);
                form.put("_csrf", csrf);
                // the fixture's keys with absurd fields, then absurd keys: each layer gets its own bad input
                for (Map<String, String> pathValues : List.of(keys, absurdKeys)) {
                    HttpResponse<String> answer = route.send(admin, pathValues, form);
                    if (answer.statusCode() >= 500 || answer.body().contains(MARKUP)) {
                        wrong.add(route + " with " + hostile.substring(0, Math.min(20, hostile.length()))
                                + " answered " + answer.statusCode());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aControlCharacterInAFormFieldIsA400NamingTheFieldOnEveryDatabase() {
        ConsoleSession admin = admin();
        HttpResponse<String> answer = admin.post("/console/identities/api-clients", Map.of("name", "a\u0000b",
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", admin.csrf("/console/identities")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("&#39;name&#39; contains the control character U+0000");
    }

    private ConsoleSession admin() {
        ConsoleSession admin = new ConsoleSession(baseUrl());
        assertThat(admin.signIn("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        return admin;
    }

    private static List<Route> routes() {
        return EndpointCatalog.CONSOLE.stream().map(Route::parse).toList();
    }

    /** One console route; GETs carry the fields as query parameters, POSTs as the form. */
    private record Route(String method, String path) {

        static Route parse(String entry) {
            String[] parts = entry.split(" ", 2);
            return new Route(parts[0].equals("ANY") ? "GET" : parts[0], parts[1]);
        }

        boolean post() {
            return method.equals("POST");
        }

        HttpResponse<String> send(ConsoleSession session, Map<String, String> pathValues, Map<String, String> fields) {
            Map<String, String> encoded = pathValues.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20")));
            String filled = EndpointCatalog.fill(path, encoded);
            if (post()) {
                return session.post(filled, fields);
            }
            String query = fields.entrySet().stream().filter(e -> !e.getKey().equals("_csrf"))
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            // the event stream of a running operation stays open: the sweep asks for a finished one only
            return session.get(query.isEmpty() ? filled : filled + "?" + query);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
