package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OdcClientTest {

    private HttpServer server;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger busyCalls = new AtomicInteger();
    private final java.util.List<String> idempotencyKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/identity/.well-known/openid-configuration",
                ex -> reply(ex, 200, "{\"token_endpoint\":\"" + base + "/identity/oauth2/token\"}"));
        server.createContext("/identity/oauth2/token", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("client_secret=right")) {
                reply(ex, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            reply(ex, 200, "{\"access_token\":\"t" + tokensIssued.incrementAndGet()
                    + "\",\"expires_in\":43200,\"token_type\":\"Bearer\"}");
        });
        server.createContext("/api/thing", ex -> {
            if (!"Bearer t1".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 401, "{\"detail\":\"no token\"}");
            } else {
                reply(ex, 200, "{\"ok\":true}");
            }
        });
        server.createContext("/api/busy", ex -> {
            if (busyCalls.incrementAndGet() < 3) {
                ex.getResponseHeaders().add("Retry-After", "7");
                reply(ex, 429, "{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"slow down\"}");
            } else {
                reply(ex, 200, "{\"ok\":true}");
            }
        });
        server.createContext("/api/pages", ex -> {
            String query = ex.getRequestURI().getQuery();
            int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
            String next = offset + 2 < 5 ? ",\"nextPageOffset\":" + (offset + 2) : "";
            StringBuilder results = new StringBuilder();
            for (int i = offset; i < Math.min(offset + 2, 5); i++) {
                results.append(results.isEmpty() ? "" : ",").append("{\"n\":").append(i).append('}');
            }
            reply(ex, 200, "{\"page\":{\"count\":2,\"limit\":2,\"offset\":" + offset + next + "},\"results\":["
                    + results + "]}");
        });
        server.createContext("/api/deploys", ex -> {
            idempotencyKeys.add(String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key")));
            if (idempotencyKeys.size() % 3 != 0) {
                reply(ex, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            } else {
                reply(ex, 201, "{\"key\":\"op\"}");
            }
        });
        server.createContext("/api/missing", ex -> reply(ex, 404,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such thing.\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void tokenIsFetchedThroughDiscoveryOnceAndReused() {
        OdcClient client = new OdcClient(base, "id", "right");
        assertThat(client.get("/api/thing").get("ok").asBoolean()).isTrue();
        assertThat(client.get("/api/thing").get("ok").asBoolean()).isTrue();
        assertThat(tokensIssued.get()).isEqualTo(1);
    }

    @Test
    void wrongSecretSurfacesTheOauthError() {
        OdcClient client = new OdcClient(base, "id", "wrong");
        assertThatThrownBy(() -> client.get("/api/thing"))
                .isInstanceOf(OdcException.class).hasMessageContaining("invalid_client");
    }

    @Test
    void problemDetailsBecomeTheExceptionMessage() {
        OdcClient client = new OdcClient(base, "id", "right");
        assertThatThrownBy(() -> client.get("/api/missing"))
                .isInstanceOfSatisfying(OdcException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("No such thing.");
                });
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersRetryAfter() {
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
        OdcClient client = new OdcClient(base, TokenSource.clientCredentials(base, "id", "right"),
                java.net.http.HttpClient.newHttpClient(), 5, waits::add);
        assertThat(client.get("/api/busy").get("ok").asBoolean()).isTrue();
        assertThat(waits).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(java.time.Duration.ofSeconds(7),
                java.time.Duration.ofMillis(8400)));
    }

    @Test
    void tooManyRequestsBeyondTheAttemptsIsAnError() {
        OdcClient client = new OdcClient(base, TokenSource.clientCredentials(base, "id", "right"),
                java.net.http.HttpClient.newHttpClient(), 2, d -> { });
        assertThatThrownBy(() -> client.get("/api/busy")).isInstanceOfSatisfying(OdcException.class,
                e -> assertThat(e.status()).isEqualTo(429));
    }

    @Test
    void aRetriedPostCarriesOneIdempotencyKeyOverAllItsAttemptsAndTheNextPostANewOne() {
        java.util.List<String> notices = new java.util.ArrayList<>();
        OdcClient client = new OdcClient(base, TokenSource.clientCredentials(base, "id", "right"),
                java.net.http.HttpClient.newHttpClient(), 5, d -> { })
                .withRetryNotice((why, delay) -> notices.add(why));

        assertThat(client.post("/api/deploys", java.util.Map.of("operation", "Deploy")).get("key").asString())
                .isEqualTo("op");
        assertThat(client.post("/api/deploys", java.util.Map.of("operation", "Deploy")).get("key").asString())
                .isEqualTo("op");

        assertThat(idempotencyKeys).hasSize(6).doesNotContain("null");
        assertThat(idempotencyKeys.subList(0, 3)).containsOnly(idempotencyKeys.get(0));
        assertThat(idempotencyKeys.subList(3, 6)).containsOnly(idempotencyKeys.get(3));
        assertThat(idempotencyKeys.get(3)).isNotEqualTo(idempotencyKeys.get(0));
        assertThat(notices).containsExactly("the server answered 503", "the server answered 503",
                "the server answered 503", "the server answered 503");
    }

    @Test
    void theRetryNoticeSaysTheServerAskedToWaitAndForHowLong() {
        java.util.List<String> notices = new java.util.ArrayList<>();
        OdcClient client = new OdcClient(base, TokenSource.clientCredentials(base, "id", "right"),
                java.net.http.HttpClient.newHttpClient(), 5, d -> { })
                .withRetryNotice((why, delay) -> notices.add(why + " " + delay.toSeconds()));
        client.get("/api/busy");
        assertThat(notices).as("Retry-After 7, stretched by up to 20%").hasSize(2)
                .allMatch(n -> n.matches("the server answered 429 \\(too many requests\\) [78]"));
    }

    @Test
    void listFollowsNextPageOffsetUntilTheLastPage() {
        OdcClient client = new OdcClient(base, "id", "right");
        assertThat(client.list("/api/pages?limit=2").map(n -> n.get("n").asInt()).toList())
                .containsExactly(0, 1, 2, 3, 4);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
