package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through an OpenID Connect provider end to end: the console sends the browser to the
 * provider, the provider sends it back with a code, the server redeems the code for a signed ID token
 * and the person acts as the console user of that name. The provider is a small one in this test.
 */
class SingleSignOnFlowTest extends ServerTest {

    private static final String CLIENT = "stageport-console";
    private static final RSAKey SIGNING = generate();
    private static final HttpServer PROVIDER = startProvider();
    private static volatile String nonce;
    private static volatile String subject;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + PROVIDER.getAddress().getPort();
        String registration = "spring.security.oauth2.client.registration.company.";
        registry.add(registration + "client-name", () -> "Company SSO");
        registry.add(registration + "client-id", () -> CLIENT);
        registry.add(registration + "client-secret", () -> "provider-secret");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/console/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.company.";
        registry.add(provider + "authorization-uri", () -> base + "/authorize");
        registry.add(provider + "token-uri", () -> base + "/token");
        registry.add(provider + "jwk-set-uri", () -> base + "/jwks");
        registry.add(provider + "user-name-attribute", () -> "preferred_username");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void aPersonSignedInAtTheProviderActsAsTheConsoleUserOfTheirName() {
        String name = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name + "\",\"permissions\":["
                + "{\"permission\":\"StageView\",\"environmentKey\":\"" + ConsolePagesTest.QA + "\"}]}").status())
                .isEqualTo(201);

        ConsoleSession browser = signedInAtTheProviderAs(name);
        String overview = browser.get("/console").body();

        assertThat(overview).contains(name, ">QA<").doesNotContain("Production");
    }

    @Test
    void someoneTheConsoleDoesNotKnowIsSignedInWithNoPermissionAtAll() {
        ConsoleSession browser = signedInAtTheProviderAs("stranger-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(browser.get("/console").body()).doesNotContain(">QA<", "Development", "Production");
        assertThat(browser.get("/console/audit").statusCode()).isEqualTo(403);
    }

    private ConsoleSession signedInAtTheProviderAs(String username) {
        ConsoleSession browser = new ConsoleSession(baseUrl());
        HttpResponse<String> start = browser.get("/console/oauth2/authorization/company");
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> asked = query(URI.create(start.headers().firstValue("Location").orElseThrow()));
        assertThat(asked).containsEntry("client_id", CLIENT).containsEntry("response_type", "code");
        nonce = asked.get("nonce");
        subject = username;

        // the provider has signed the person in and sends the browser back with a code
        URI back = URI.create(asked.get("redirect_uri"));
        HttpResponse<String> callback = browser.get(back.getRawPath() + "?code=code-1&state="
                + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        return browser;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static HttpServer startProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> answer(exchange, new JWKSet(SIGNING.toPublicJWK()).toString()));
            server.createContext("/token", exchange -> answer(exchange, "{\"access_token\":\"at-1\",\"token_type\":"
                    + "\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile\",\"id_token\":\"" + idToken(server)
                    + "\"}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idToken(HttpServer server) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:" + server.getAddress().getPort())
                    .subject(subject).audience(List.of(CLIENT)).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                    .claim("preferred_username", subject).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(SIGNING));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("provider-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
