package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import dev.stageport.portfolio.Portfolio;
import dev.stageport.portfolio.PortfolioRepository;
import dev.stageport.portfolio.StageRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Shared by the hostile-input sweep and the authorization matrix: a fixture app
 * deployed to QA and to Production (made once per test JVM), raw HTTP requests
 * with any method, headers and body, and the one check every answer must pass.
 */
abstract class HostileSupport extends ServerTest {

    static final String OPS = "/api/deployments/v1/deployment-operations";
    static final String PUBLISH = "/api/deployments/v1/publish-operations";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Keys made once: an app deployed in QA and Production, the two operations, a client to manage. */
    record Fixture(TestApp app, String opQa, String opProduction, String publishQa, String publishProduction,
                   String client, String upload, String agent, String analysisQa,
                   String analysisProduction, String deletion, String bundled, Map<String, String> freezeWindows,
                   Map<String, String> approvals, String webhook, String delivery, String spareWebhook) {
    }

    /** A PNG's first bytes: enough for an icon the server serves as it is. */
    static final byte[] ICON = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** One fixture per server (by port): the emulator's sweep runs against a server of its own. */
    private static final Map<Integer, Fixture> FIXTURES = new java.util.HashMap<>();
    private Fixture fixture;

    @BeforeEach
    void fixture() {
        synchronized (HostileSupport.class) {
            fixture = FIXTURES.get(port);
            if (fixture == null) {
                TestApp app = newApp();
                // subscribed before the Production deploy, so it has a delivery of that operation's end
                String webhook = WebhookFixture.create(api, "operation.finished", DemoData.PRODUCTION);
                String qa = deploy(app, DemoData.QA);
                String production = deploy(app, DemoData.PRODUCTION);
                Api.Response tagged = api.patch("/api/asset-repository/v1/assets/" + app.key() + "/revisions/1",
                        "{\"tag\":\"1.0.0\",\"releaseNotes\":\"first release\"}");
                assertThat(tagged.status()).as(tagged.body()).isEqualTo(204);
                fixture = new Fixture(app, qa, production, publish(app, DemoData.QA),
                        publish(app, DemoData.PRODUCTION), newClient(), uploadedLibrary(), deployedAgent(),
                        analysis(app, DemoData.QA), analysis(app, DemoData.PRODUCTION), deletionAnalysis(app),
                        bundledApp(), ReleaseSafetyFixture.freezeWindows(api),
                        ReleaseSafetyFixture.approvals(api, newApp(), newApp()), webhook,
                        WebhookFixture.firstDelivery(api, webhook),
                        WebhookFixture.create(api, "freeze.overridden", DemoData.QA));
                FIXTURES.put(port, fixture);
            }
        }
    }

    Fixture fx() {
        return fixture;
    }

    /** Placeholder values for {@link EndpointCatalog#fill} that aim at {@code stage}. */
    Map<String, String> keys(String stage) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("env", stage);
        keys.put("app", fixture.app().key());
        keys.put("rev", "1");
        keys.put("op", stage.equals(DemoData.PRODUCTION) ? fixture.opProduction() : fixture.opQa());
        keys.put("publish", stage.equals(DemoData.PRODUCTION) ? fixture.publishProduction() : fixture.publishQa());
        keys.put("build", fixture.app().release1());
        keys.put("client", fixture.client());
        keys.put("user", consoleUser());
        keys.put("newuser", "hostile-" + java.util.UUID.randomUUID());
        keys.put("greeting", fixture.app().greeting());
        keys.put("timer", fixture.app().timer());
        keys.put("upload", fixture.upload());
        keys.put("agent", fixture.agent());
        keys.put("agentsetting", "SystemPrompt");
        // a second stage for endpoints that compare two; the matrix's clients hold their grant there too
        keys.put("peer", DemoData.DEVELOPMENT);
        keys.put("analysis", stage.equals(DemoData.PRODUCTION) ? fixture.analysisProduction() : fixture.analysisQa());
        keys.put("deletion", fixture.deletion());
        keys.put("bundled", fixture.bundled());
        keys.put("portfolio", Portfolio.MAIN_KEY);
        keys.put("freeze", fixture.freezeWindows().get(stage));
        keys.put("approval", fixture.approvals().get(stage));
        keys.put("webhook", fixture.webhook());
        keys.put("delivery", fixture.delivery());
        keys.put("sparewebhook", fixture.spareWebhook());
        keys.put("hookurl", WebhookFixture.RECEIVER.url());
        keys.put("snapshot", "hostile");
        // renaming a stage to its own name and moving it to its own place: allowed calls change nothing
        keys.put("envname", stage.equals(DemoData.PRODUCTION) ? "Production" : "QA");
        keys.put("envorder", stage.equals(DemoData.PRODUCTION) ? "2" : "1");
        moreKeys(keys);
        return keys;
    }

    /** Placeholders only some servers have (the emulator's). */
    protected void moreKeys(Map<String, String> keys) {
    }

    private String analysis(TestApp app, String stage) {
        Api.Response r = api.post("/api/dependency-management/v1/deployment-analyses",
                "{\"assetKey\":\"" + app.key() + "\",\"revision\":1,\"environmentKey\":\"" + stage + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("analysisKey").asString();
    }

    private String deletionAnalysis(TestApp app) {
        Api.Response r = api.post("/api/dependency-management/v1/deletion-analyses",
                "{\"assetKey\":\"" + app.key() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("analysisKey").asString();

    }

    /**
     * Hostile bodies that happen to be valid rename a stage or the portfolio (to "NotAnEnumValue", say);
     * put the demo names and orders back so every other test sees the demo stages.
     */
    @AfterEach
    void restoreDemoStages() {
        stageRepository.rename(DemoData.DEVELOPMENT, "Development", 0);
        stageRepository.rename(DemoData.QA, "QA", 1);
        stageRepository.rename(DemoData.PRODUCTION, "Production", 2);
        portfolioRepository.rename(Portfolio.MAIN_KEY, "Main");
    }

    @Autowired
    StageRepository stageRepository;
    @Autowired
    PortfolioRepository portfolioRepository;

    /** An app uploaded as a bundle with an icon, so its source code, signature and icon exist. */
    private String bundledApp() {
        try {
            UUID key = UUID.randomUUID();
            return upload(TestBundles.withManifest(TestBundles.appManifest(key, "Hostile bundled", "[]"))
                    .entry("icon.png", ICON)).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An upload URL holding a library bundle whose asset exists already (so Change is the permission needed). */
    private String uploadedLibrary() {
        Api.Response created = api.post("/api/asset-repository/v1/uploads", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("uploadUrl").asString();
        try {
            byte[] zip = TestBundles.zip().entry("manifest.json",
                    TestBundles.libraryManifest(UUID.randomUUID(), "Hostile lib", "LibSetting")).bytes();
            Api.Response put = api.send("PUT", url.substring(url.indexOf("/api/")), "application/octet-stream", zip);
            assertThat(put.status()).as(put.body()).isEqualTo(204);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Api.Response first = api.post("/api/asset-repository/v1/assets", "{\"fileUri\":\"" + url + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        return url;
    }

    /** An agent (from a bundle of type Agent) built and deployed to QA and Production. */
    private String deployedAgent() {
        try {
            Api.Response uploaded = api.uploadBundle(TestBundles.withManifest(TestBundles.agentManifest(
                    UUID.randomUUID(), "Hostile agent")).bytes());
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            String agent = uploaded.json().get("applicationKey").asString();
            Api.Response build = api.post("/api/builds/v1/build-operations",
                    "{\"assetKey\":\"" + agent + "\",\"assetRevision\":1,\"buildType\":\"Release\"}");
            assertThat(build.status()).as(build.body()).isEqualTo(201);
            String buildKey = build.json().get("buildKey").asString();
            JsonNode built = awaitStatus(api, "/api/builds/v1/build-operations/" + buildKey, "Pending", "Running");
            assertThat(built.get("status").asString()).isEqualTo("Finished");
            for (String stage : new String[] {DemoData.QA, DemoData.PRODUCTION}) {
                await(OPS, api.post(OPS, """
                        {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                        .formatted(agent, buildKey, stage)));
            }
            return agent;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String consoleUser;

    /** A console user made once, the target of the console-user endpoints (made again after a test deleted it). */
    synchronized String consoleUser() {
        if (consoleUser == null || api.get("/api/stageport/v1/console-users/" + consoleUser).status() == 404) {
            consoleUser = newConsoleUser();
        }
        return consoleUser;
    }

    /** A console user the all-permission api created, with no permissions. */
    String newConsoleUser() {
        String name = "target-" + java.util.UUID.randomUUID();
        Api.Response r = api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name
                + "\",\"permissions\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    /** A client the all-permission api created, to be the target of the api-client endpoints. */
    String newClient() {
        Api.Response r = api.post("/api/stageport/v1/api-clients", "{\"name\":\"target\",\"permissions\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("clientId").asString();
    }

    private String deploy(TestApp app, String stage) {
        return await(OPS, api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), stage)));
    }

    private String publish(TestApp app, String stage) {
        return await(PUBLISH, api.post(PUBLISH, """
                {"operation":"Publish","assetKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), stage)));
    }

    /** Waits until the operation {@code r} created is no longer Running; returns its key. */
    private String await(String path, Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String op = r.json().get("key").asString();
        long deadline = System.currentTimeMillis() + 30_000;
        while ("Running".equals(api.get(path + "/" + op).json().get("status").asString())) {
            assertThat(System.currentTimeMillis()).as("operation %s still Running", op).isLessThan(deadline);
            pause(20);
        }
        return op;
    }

    /** Any request: {@code headers} alternate name, value; a null body sends none. */
    Api.Response send(String token, String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            dev.stageport.support.OdcContract.verify(response, response.body());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Api.Response sendJson(String token, String method, String path, String json) {
        return json == null ? send(token, method, path, null)
                : send(token, method, path, HttpRequest.BodyPublishers.ofString(json),
                        "Content-Type", "application/json");
    }

    /**
     * Null when the answer is acceptable for hostile input: below 500, and every 4xx a
     * ProblemDetails with status, title, detail, traceId and errorCode. Otherwise why not.
     */
    static String verdict(Api.Response r) {
        if (r.status() >= 500) {
            return "server error " + r.status() + ": " + abbreviate(r.body());
        }
        if (r.status() < 400) {
            return null;
        }
        if (!r.contentType().startsWith("application/problem+json")) {
            return r.status() + " with Content-Type '" + r.contentType() + "': " + abbreviate(r.body());
        }
        try {
            JsonNode problem = r.json();
            for (String field : new String[] {"title", "detail", "traceId", "errorCode"}) {
                if (!problem.hasNonNull(field)) {
                    return r.status() + " ProblemDetails without " + field + ": " + abbreviate(r.body());
                }
            }
            if (problem.path("status").asInt() != r.status()) {
                return r.status() + " ProblemDetails says status " + problem.path("status") + ": "
                        + abbreviate(r.body());
            }
        } catch (RuntimeException e) {
            return r.status() + " body is not JSON: " + abbreviate(r.body());
        }
        return null;
    }

    static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
