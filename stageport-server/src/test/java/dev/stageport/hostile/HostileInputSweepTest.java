package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.hostile.EndpointCatalog.Endpoint;
import dev.stageport.support.Api;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws bad input at every endpoint of the catalog and counts the answers: no
 * 5xx at all, and every 4xx a ProblemDetails. Requests run as a client with every
 * permission, so the input itself, not a missing grant, decides the answer.
 */
class HostileInputSweepTest extends HostileSupport {

    private static final Map<Integer, AtomicInteger> COUNTS = new ConcurrentSkipListMap<>();

    private static final List<String> BAD_KEYS = List.of("not-a-uuid", "d0000000-0000-4000-8000-00000000000Z",
            "D0000000000040008000000000000003", "%20", "%27%20OR%201%3D1--", "-1", "99999999999999999999",
            "%E2%98%83", "..%2F..", "%00", ";", "x".repeat(3000), UUID.randomUUID().toString());

    private static final List<String> BAD_QUERIES = List.of("limit=-1", "limit=0", "limit=2147483648",
            "limit=99999999999999999999", "limit=abc", "limit=1e3", "limit=", "offset=-5", "offset=2147483647",
            "offset=99999999999999999999", "offset=abc", "limit=2147483647&offset=2147483647", "waitSeconds=-1",
            "waitSeconds=2147483647", "waitSeconds=abc", "environmentKey=not-a-uuid", "assetKey=not-a-uuid",
            "portfolioKey=not-a-uuid", "key=not-a-uuid", "revision=-1", "revision=abc", "assetRevision=abc",
            "status=Bogus", "operations=Bogus", "byBuildType=Bogus", "sort=Bogus", "sort=-", "permissionFilter=Bogus",
            "permissionFilter=AppDeploy.not-a-uuid", "permissionFilter=.", "createdDateSince=yesterday",
            "createdDateTo=2024-13-45T99:99:99Z", "revisionDateTimeSince=bad", "isTagged=maybe", "embed=bogus",
            "showBinaryValues=maybe", "fields=bogus", "metadata.isDeployable=maybe", "isExternal=maybe",
            "type=" + "x".repeat(3000), "nameContains=%25%27%22%5C", "limit=1&limit=2");

    private static final List<String> MALFORMED = List.of("{", "[1,2", "nul", "{\"a\":}", "", "null", "[]", "42",
            "\"text\"", "{\"operation\":\"Deploy\",}", "{'single':'quotes'}", "\u0000", "{\"a\":1}{\"b\":2}",
            "[".repeat(5000));

    private static final List<String> WRONG_VALUES = List.of("1", "-1", "2147483648", "1.5", "\"NotAnEnumValue\"",
            "\"\"", "true", "[]", "{}", "null", "\"" + "x".repeat(10_000) + "\"", "\"not-a-uuid\"",
            // PostgreSQL refuses a NUL character in text, which H2 stores: a string holding one is no server error
            "\"a\\u0000b\"");

    static Stream<Endpoint> endpoints() {
        return EndpointCatalog.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointAnswersHostileInputWithoutServerErrorsAndWithProblemDetails(Endpoint endpoint) {
        Sweep sweep = new Sweep(endpoint);
        Map<String, String> keys = keys(DemoData.QA);
        String path = EndpointCatalog.fill(endpoint.path(), keys);
        String body = endpoint.hasBody() ? EndpointCatalog.fill(endpoint.body(), keys) : null;

        sweep.check("valid request", sendJson(api.token(), endpoint.method(), path, body), s -> true);
        sweep.check("no token", sendJson(null, endpoint.method(), path, body), s -> s == 401);
        badPathKeys(sweep, endpoint, keys, body);
        if (!endpoint.mutating()) {
            for (String query : BAD_QUERIES) {
                sweep.check("query " + abbreviate(query), sendJson(api.token(), "GET",
                        path + (path.contains("?") ? "&" : "?") + query, null), s -> true);
            }
        }
        if (endpoint.hasBody()) {
            badBodies(sweep, endpoint, path, body);
        }
        oversizedBodies(sweep, endpoint, path);
        longHeaders(sweep, endpoint, path, body);
        sweep.assertClean();
    }

    private void badPathKeys(Sweep sweep, Endpoint endpoint, Map<String, String> keys, String body) {
        for (String placeholder : keys.keySet()) {
            if (!endpoint.path().contains("{" + placeholder + "}")) {
                continue;
            }
            for (String bad : BAD_KEYS) {
                Map<String, String> broken = new java.util.LinkedHashMap<>(keys);
                broken.put(placeholder, bad);
                String path = EndpointCatalog.fill(endpoint.path(), broken);
                sweep.check("{" + placeholder + "}=" + abbreviate(bad),
                        sendJson(api.token(), endpoint.method(), path, body), s -> s >= 400);
            }
        }
    }

    private void badBodies(Sweep sweep, Endpoint endpoint, String path, String body) {
        for (String malformed : MALFORMED) {
            sweep.check("body " + abbreviate(malformed), sendJson(api.token(), endpoint.method(), path, malformed),
                    s -> true);
        }
        for (String mutated : JsonMutations.wrongTypes(body, WRONG_VALUES)) {
            sweep.check("body " + abbreviate(mutated), sendJson(api.token(), endpoint.method(), path, mutated),
                    s -> true);
        }
        for (String mutated : JsonMutations.unknownFields(body)) {
            sweep.check("body " + abbreviate(mutated), sendJson(api.token(), endpoint.method(), path, mutated),
                    s -> true);
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            sweep.check("Content-Type " + type, send(api.token(), endpoint.method(), path,
                    HttpRequest.BodyPublishers.ofString(body), "Content-Type", type), s -> s == 415);
        }
        sweep.check("no Content-Type", send(api.token(), endpoint.method(), path,
                HttpRequest.BodyPublishers.ofString(body)), s -> s == 415);
        sweep.check("unknown charset", send(api.token(), endpoint.method(), path,
                HttpRequest.BodyPublishers.ofString(body), "Content-Type", "application/json; charset=bogus"),
                s -> true);
        byte[] big = bigJson();
        sweep.check("chunked body over 1 MB", send(api.token(), endpoint.method(), path,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                "Content-Type", "application/json"), s -> s == 413);
    }

    private void oversizedBodies(Sweep sweep, Endpoint endpoint, String path) {
        sweep.check("body over 1 MB", send(api.token(), endpoint.method(), path,
                HttpRequest.BodyPublishers.ofByteArray(bigJson()), "Content-Type", "application/json"),
                s -> s == 413);
    }

    private void longHeaders(Sweep sweep, Endpoint endpoint, String path, String body) {
        String long6k = "x".repeat(6000);
        List<String[]> headers = List.of(
                new String[] {"Authorization", "Bearer " + long6k},
                new String[] {"traceparent", "00-" + long6k + "-01"},
                new String[] {"Idempotency-Key", long6k},
                new String[] {"Last-Event-ID", "9".repeat(5000)},
                new String[] {"Accept", "application/xml"},
                new String[] {"Accept", "text/html;q=0.9, " + "a/b;q=0.1, ".repeat(300)},
                new String[] {"X-Anything", long6k});
        for (String[] header : headers) {
            boolean authorization = header[0].equals("Authorization");
            List<String> all = new ArrayList<>(List.of(header));
            if (body != null) {
                all.addAll(List.of("Content-Type", "application/json"));
            }
            Api.Response r = send(authorization ? null : api.token(), endpoint.method(), path,
                    body == null ? null : HttpRequest.BodyPublishers.ofString(body), all.toArray(String[]::new));
            sweep.check(header[0] + " of " + header[1].length() + " chars", r, s -> !authorization || s == 401);
        }
        sweep.check("header of 100 KB", send(api.token(), endpoint.method(), path, null,
                "X-Huge", "x".repeat(100_000)), s -> s == 431 || s == 400);
    }

    @Test
    void theErrorPageIsAProblemDetailsNotFound() {
        Api.Response r = api.get("/error");
        count(r);
        r.problem(404);
        assertThat(r.json().get("instance").asString()).isEqualTo("/error");
    }

    @Test
    void unknownPathsAndMethodsAreProblemDetails() {
        for (Api.Response r : List.of(api.get("/api/nope"), api.get("/nope"),
                sendJson(api.token(), "DELETE", "/api/portfolios/v1/environments", null),
                sendJson(api.token(), "TRACE", "/api/portfolios/v1/environments", null),
                sendJson(null, "GET", "/api/portfolios/v1/environments/%2e%2e/%2e%2e/identity", null))) {
            count(r);
            assertThat(verdict(r)).as("answer %s", r).isNull();
            assertThat(r.status()).isBetween(400, 499);
        }
    }

    @AfterAll
    static void summary() {
        int total = COUNTS.values().stream().mapToInt(AtomicInteger::get).sum();
        int server = COUNTS.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get())
                .sum();
        System.out.println("Hostile input sweep: " + total + " requests, " + server + " answered 5xx, by status "
                + COUNTS);
    }

    private static byte[] bigJson() {
        return ("{\"name\":\"" + "x".repeat(1_500_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void count(Api.Response r) {
        COUNTS.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
    }

    /** Collects every bad answer of one endpoint, so one run shows them all. */
    private static final class Sweep {

        private final Endpoint endpoint;
        private final List<String> failures = new ArrayList<>();

        Sweep(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void check(String what, Api.Response r, IntPredicate expectedStatus) {
            count(r);
            String verdict = verdict(r);
            if (verdict == null && !expectedStatus.test(r.status())) {
                verdict = "unexpected status " + r.status() + ": " + abbreviate(r.body());
            }
            if (verdict != null) {
                failures.add(endpoint + " with " + what + " -> " + verdict);
            }
        }

        void assertClean() {
            assertThat(failures).as("bad answers from " + endpoint).isEmpty();
        }
    }
}
