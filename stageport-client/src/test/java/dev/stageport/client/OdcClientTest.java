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

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
