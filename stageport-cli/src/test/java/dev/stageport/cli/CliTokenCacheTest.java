package dev.stageport.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stageport.cli.Session.Cached;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token cache of {@code stageport login} as later commands use it: a still-valid token is sent as it
 * is (no discovery, no token request), an expired one is never sent, and credentials in the environment
 * always get a fresh token. The clock is fixed, so "expired" does not depend on when the test runs.
 */
class CliTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path config;

    WireMockServer server;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String base = url();
        server.stubFor(get("/identity/.well-known/openid-configuration").willReturn(okJson(
                "{\"issuer\": \"%s/identity\", \"token_endpoint\": \"%s/identity/connect/token\"}"
                        .formatted(base, base))));
        server.stubFor(post("/identity/connect/token").willReturn(okJson(
                "{\"access_token\": \"fresh-token\", \"expires_in\": 43200, \"token_type\": \"Bearer\"}")));
        server.stubFor(get("/api/portfolios/v1/environments").willReturn(okJson("""
                {"results": [{"key": "%s", "name": "QA", "purpose": "NonProduction", "order": 1}]}"""
                .formatted(OdcStubTest.QA))));
        server.stubFor(get(urlPathEqualTo("/api/deployments/v1/deployment-operations")).willReturn(okJson(
                "{\"page\": {\"count\": 1, \"limit\": 20, \"offset\": 0}, \"results\": ["
                        + OdcStubTest.operation("Finished", "2026-11-28T10:01:00Z") + "]}")));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> all = new HashMap<>(env);
        all.put("STAGEPORT_CONFIG_DIR", config.toString());
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), all, Clock.fixed(NOW, ZoneOffset.UTC), false));
    }

    void loggedIn(String token, Instant expiresAt) {
        Session.save(new CliContext(null, null, null, Map.of("STAGEPORT_CONFIG_DIR", config.toString()),
                Clock.systemUTC(), false), new Cached(url(), "odc-client", token, expiresAt));
    }

    @Test
    void aStillValidCachedTokenIsSentAsItIsWithoutAskingForANewOne() {
        loggedIn("cached-token", NOW.plusSeconds(60));

        assertThat(run(Map.of(), "ops", "list")).as(err.toString()).isZero();

        assertThat(out.toString().lines().filter(l -> l.startsWith(OdcStubTest.OP)))
                .singleElement().asString().contains(" Deploy ", " QA ", " Orders ", " 7 ");
        server.verify(0, getRequestedFor(urlPathEqualTo("/identity/.well-known/openid-configuration")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/identity/connect/token")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/portfolios/v1/environments"))
                .withHeader("Authorization", equalTo("Bearer cached-token")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/deployments/v1/deployment-operations"))
                .withHeader("Authorization", equalTo("Bearer cached-token")));
    }

    @Test
    void anExpiredCachedTokenIsNeverSentAndTheCommandAsksForALogin() {
        loggedIn("expired-token", NOW);

        assertThat(run(Map.of(), "ops", "list")).isEqualTo(ExitCode.USAGE);

        assertThat(err.toString()).isEqualTo("stageport: not logged in to " + url() + ": run 'stageport login' or"
                + " set STAGEPORT_CLIENT_ID and STAGEPORT_CLIENT_SECRET" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void credentialsInTheEnvironmentGetAFreshTokenEvenWhenACachedOneIsStillValid() {
        loggedIn("cached-token", NOW.plusSeconds(3600));

        assertThat(run(Map.of("STAGEPORT_CLIENT_ID", "odc-client", "STAGEPORT_CLIENT_SECRET", "odc-secret"),
                "ops", "list")).as(err.toString()).isZero();

        server.verify(1, postRequestedFor(urlPathEqualTo("/identity/connect/token")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/portfolios/v1/environments"))
                .withHeader("Authorization", equalTo("Bearer fresh-token")));
    }

    @Test
    void aTokenCacheThatIsNotJsonCountsAsNotLoggedIn() throws Exception {
        Files.writeString(config.resolve(Session.FILE), "{\"url\": \"" + url() + "\", \"token\": ");

        assertThat(run(Map.of("STAGEPORT_URL", url()), "stages")).isEqualTo(ExitCode.USAGE);

        assertThat(err.toString()).startsWith("stageport: not logged in to " + url());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theCachedSessionReadsBackAsItWasSaved() {
        Instant expiresAt = Instant.parse("2026-12-02T22:00:00.123456789Z");
        loggedIn("cached-token", expiresAt);

        assertThat(Session.load(new CliContext(null, null, null, Map.of("STAGEPORT_CONFIG_DIR", config.toString()),
                Clock.systemUTC(), false))).isEqualTo(new Cached(url(), "odc-client", "cached-token", expiresAt));
    }
}
