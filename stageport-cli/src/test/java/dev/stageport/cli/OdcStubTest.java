package dev.stageport.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stageport.cli.Session.Cached;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a stub that answers like ODC itself: its token endpoint under
 * /identity/connect/token, no event stream, paging, 429 with Retry-After, 401 on an
 * expired token, and an operation that ends FinishedWithError. Bodies carry
 * exactly the fields of the official schemas.
 */
class OdcStubTest {

    static final String OP = "0f1e2d3c-4b5a-4697-8877-665544332211";
    static final String QA = "1ee11e11-1111-4111-a1ee-1e111e11eee1";
    static final String APP = "a111a111-1aa1-4aa1-911a-a1111a1a1a11";

    @TempDir
    Path config;

    WireMockServer odc;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void startStub() {
        odc = new WireMockServer(options().dynamicPort());
        odc.start();
        String base = "http://localhost:" + odc.port();
        odc.stubFor(get("/identity/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%s/identity", "token_endpoint": "%s/identity/connect/token",
                 "jwks_uri": "%s/identity/.well-known/openid-configuration/jwks",
                 "grant_types_supported": ["client_credentials"]}""".formatted(base, base, base))));
        odc.stubFor(post("/identity/connect/token").willReturn(okJson("""
                {"access_token": "odc-token", "expires_in": 43200, "token_type": "Bearer"}""")));
    }

    @AfterEach
    void stopStub() {
        odc.stop();
    }

    int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> all = new HashMap<>(env);
        all.put("STAGEPORT_CONFIG_DIR", config.toString());
        all.put("STAGEPORT_URL", "http://localhost:" + odc.port());
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), all, Clock.systemUTC(), false));
    }

    static Map<String, String> credentials() {
        return Map.of("STAGEPORT_CLIENT_ID", "odc-client", "STAGEPORT_CLIENT_SECRET", "odc-secret");
    }

    static String operation(String status, String finished) {
        return """
                {"key": "%s", "status": "%s", "startedDateTime": "2026-11-28T10:00:00Z",%s
                 "deployedBy": "odc-client", "assetKey": "%s", "revisions": [7],
                 "buildKey": "b111b111-1bb1-4bb1-911b-b1111b1b1b11", "assetName": "Orders",
                 "operation": "Deploy", "portfolioKey": null}"""
                .formatted(OP, status, finished == null ? "" : " \"finishedDateTime\": \"" + finished + "\",", APP);
    }

    @Test
    void listingFollowsPagesUntilTheLastOneAndNamesTheStageItAskedFor() {
        odc.stubFor(get("/api/portfolios/v1/environments").willReturn(okJson("""
                {"results": [{"key": "%s", "name": "QA", "hostname": "qa.example", "purpose": "NonProduction",
                  "order": 1, "region": "eu", "hosting": "cloud", "isConfigured": true,
                  "isDeployedToCluster": true}]}""".formatted(QA))));
        for (int offset : new int[] {0, 2, 4}) {
            String next = offset < 4 ? ", \"nextPageOffset\": " + (offset + 2) : "";
            odc.stubFor(get(urlPathEqualTo("/api/deployments/v1/deployment-operations"))
                    .withQueryParam("environmentKey", com.github.tomakehurst.wiremock.client.WireMock.equalTo(QA))
                    .withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                            Integer.toString(offset)))
                    .willReturn(okJson("{\"page\": {\"count\": 2, \"limit\": 2, \"offset\": " + offset + next
                            + "}, \"results\": [" + operation("Finished", "2026-11-28T10:01:00Z") + ", "
                            + operation("Finished", "2026-11-28T10:01:00Z") + "]}")));
        }
        assertThat(run(credentials(), "ops", "list", "--limit", "100")).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith(OP)).filter(l -> l.contains(" QA "))
                .count()).isEqualTo(6);
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        odc.stubFor(get("/api/portfolios/v1/environments").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Too Many Requests\", \"status\": 429, \"detail\": \"Rate limit\","
                                + " \"traceId\": \"t1\", \"errorCode\": \"TooManyRequests\"}"))
                .willSetStateTo("calm"));
        odc.stubFor(get("/api/portfolios/v1/environments").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("""
                        {"results": [{"key": "%s", "name": "QA", "hostname": "qa.example", "purpose": "NonProduction",
                          "order": 1, "region": "eu", "hosting": "cloud", "isConfigured": true,
                          "isDeployedToCluster": true}]}""".formatted(QA))));
        assertThat(run(credentials(), "stages")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(QA, "NonProduction");
        assertThat(err.toString()).as("the CLI says it waits and for how long").isEqualTo(
                "stageport: the server answered 429 (too many requests); trying again in 1s" + System.lineSeparator());
        odc.verify(2, getRequestedFor(urlPathEqualTo("/api/portfolios/v1/environments")));
    }

    @Test
    void anExpiredCachedTokenIsAnAuthErrorOnOneLine() {
        Session.save(new CliContext(null, null, null, Map.of("STAGEPORT_CONFIG_DIR", config.toString()),
                Clock.systemUTC(), false), new Cached("http://localhost:" + odc.port(), "odc-client", "stale",
                Instant.now().plusSeconds(3600)));
        odc.stubFor(get("/api/portfolios/v1/environments").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"The token expired.\","
                        + " \"traceId\": \"t2\", \"errorCode\": \"Unauthorized\"}")));
        assertThat(run(Map.of(), "stages")).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("401").contains("The token expired.");
    }

    @Test
    void waitingWithoutAnEventStreamPollsUntilFinishedWithErrorAndExitsOne() {
        String path = "/api/deployments/v1/deployment-operations/" + OP;
        odc.stubFor(get(path).inScenario("op").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(operation("Running", null))).willSetStateTo("ended"));
        odc.stubFor(get(path).inScenario("op").whenScenarioStateIs("ended")
                .willReturn(okJson(operation("FinishedWithError", "2026-11-28T10:02:00Z"))));
        odc.stubFor(get(urlPathEqualTo(path + "/messages")).willReturn(okJson("""
                {"page": {"count": 2, "limit": 100, "offset": "0", "nextPageOffset": null},
                 "results": [
                   {"timestamp": "2026-11-28T10:00:01Z", "type": "Info", "severity": "Info",
                    "message": "Deployment started", "additionalInfo": {"stepId": "Start", "assetKey": "%s"}},
                   {"timestamp": "2026-11-28T10:02:00Z", "type": "Error", "severity": "Error",
                    "message": "Database schema update failed", "additionalInfo": {"stepId": "Deploy",
                    "assetKey": "%s"}}]}""".formatted(APP, APP))));
        int code = run(credentials(), "ops", "wait", OP, "--poll-fast", "50ms", "--poll-slow", "50ms");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(err.toString()).contains("Database schema update failed");
        assertThat(out.toString()).contains("FinishedWithError");
        odc.verify(getRequestedFor(urlPathEqualTo(path + "/events")));
    }
}
