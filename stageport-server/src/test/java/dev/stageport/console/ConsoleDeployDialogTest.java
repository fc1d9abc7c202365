package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRevision;
import dev.stageport.builds.Build;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deploy dialog over real HTTP: the confirm page's analysis and policy, and that Start obeys the same rules. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleDeployDialogTest extends ServerTest {

    static final String DEVELOPMENT = ConsolePagesTest.DEVELOPMENT;
    static final String QA = ConsolePagesTest.QA;
    static final String POLICY = "/api/stageport/v1/environments/" + QA + "/policy";
    static final String WINDOWS = "/api/stageport/v1/environments/" + QA + "/freeze-windows";
    static final String OPS = "/api/deployments/v1/deployment-operations";

    private final List<String> started = new ArrayList<>();
    private final List<String> windows = new ArrayList<>();

    /** A single-revision app with a Release build, named so that no other test's app collides with it. */
    private record OneRevision(String key, String build) {
    }

    @AfterEach
    void emptyPolicyNoFreezeNothingRunning() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
        windows.forEach(w -> assertThat(api.delete(WINDOWS + "/" + w).status()).isEqualTo(204));
        for (String op : started) {
            if (api.get(OPS + "/" + op).json().get("status").asString().equals("Running")) {
                assertThat(api.post("/api/stageport/v1/deployment-operations/" + op + "/cancel",
                        "{\"reason\":\"test over\"}").status()).isIn(202, 409);
            }
        }
    }

    private OneRevision app(String name) {
        String key = UUID.randomUUID().toString();
        String build = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assets.insert(new Asset(key, name, "test app", "WebApplication", null, false, now, "test"));
        assets.insertRevision(new AssetRevision(key, 1, name, "test app", null, null, null, "one", null, "m1",
                new ConfigSchema(List.of(), List.of()).toJson(), now, "test"));
        builds.insert(new Build(build, key, 1, Build.BuildType.Release, Build.BuildStatus.Finished, now, now, "test",
                null));
        return new OneRevision(key, build);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ConsoleSession admin(String base) {
        ConsoleSession browser = new ConsoleSession(base);
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }

    private static String confirmPath(OneRevision app) {
        return "/console/assets/" + app.key() + "/deploy?buildKey=" + app.build() + "&environmentKey=" + QA;
    }

    /** Posts the confirm page's Start form (whether or not the page offered it). */
    private HttpResponse<String> start(ConsoleSession browser, OneRevision app, String freezeOverride) {
        Map<String, String> form = new HashMap<>(Map.of("buildKey", app.build(), "revision", "1",
                "environmentKey", QA, "idempotencyKey", UUID.randomUUID().toString(),
                "_csrf", browser.csrf("/console/assets/" + app.key())));
        if (freezeOverride != null) {
            form.put("freezeOverride", freezeOverride);
        }
        HttpResponse<String> posted = browser.post("/console/assets/" + app.key() + "/deploy", form);
        posted.headers().firstValue("Location").filter(l -> l.contains("/console/operations/"))
                .ifPresent(l -> started.add(l.substring(l.lastIndexOf('/') + 1)));
        return posted;
    }

    private void put(String path, String json) {
        Api.Response r = api.put(path, json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theConfirmPageShowsThePolicyOfThatStageStartLandsOnTheOperationAndNoSecondStartWhileItRuns() {
        OneRevision app = app(unique("Dialog app"));
        put(POLICY, """
                {"maxOperationSeconds":900,"requiredApprovals":1,"approvers":["user:admin"],
                 "approvalTimeoutMinutes":60,"healthGate":{"path":"/health","seconds":30,"failures":2}}""");
        ConsoleSession browser = admin(baseUrl());

        String asset = browser.get("/console/assets/" + app.key()).body();
        String confirm = browser.get(confirmPath(app)).body();
        HttpResponse<String> posted = start(browser, app, null);
        String whileItWaits = browser.get(confirmPath(app)).body();

        assertThat(asset).contains("method=\"get\"", "/console/assets/" + app.key() + "/deploy");
        assertThat(confirm).contains("Nothing in <span>QA</span> breaks", "900 seconds", "1 approval(s) needed",
                "from <span>user:admin</span>", "rejected after 60 minutes", "probed at /health for 30 seconds",
                "2 failed probe(s)", "id=\"start\"", "name=\"idempotencyKey\"").doesNotContain("id=\"refusals\"");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/console/operations/");
        assertThat(api.get(OPS + "?assetKey=" + app.key()).json().get("results").size()).isEqualTo(1);
        assertThat(whileItWaits).contains("id=\"refusals\"", "The operation " + started.get(0) + " is still running")
                .doesNotContain("id=\"start\"");
    }

    @Test
    void aPromotionRuleRefusesOnTheConfirmPageWithoutStartAndAPostAnywayGetsTheSameReason() {
        OneRevision app = app(unique("Unpromoted app"));
        put(POLICY, "{\"promoteFrom\":[\"" + DEVELOPMENT + "\"]}");
        ConsoleSession browser = admin(baseUrl());
        String reason = "is not met for revision 1 of the asset " + app.key()
                + ": no Deploy of it Finished in Development (" + DEVELOPMENT + ") (promoteFrom).";

        String confirm = browser.get(confirmPath(app)).body();
        HttpResponse<String> posted = start(browser, app, null);

        assertThat(confirm).contains("id=\"refusals\"", reason, "Must have finished a Deploy in", "<span>Development</span>")
                .doesNotContain("id=\"start\"");
        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(posted.body()).contains(reason);
        assertThat(api.get(OPS + "?assetKey=" + app.key()).json().get("results")).isEmpty();
    }

    @Test
    void aFreezeOpenNowRefusesAUserWhoMayNotOverrideAndAsksAReasonOfOneWhoMay() {
        OneRevision app = app(unique("Frozen app"));
        Instant now = Instant.now();
        Api.Response window = api.post(WINDOWS, "{\"name\":\"Console freeze\",\"start\":\"" + now.minusSeconds(3600)
                + "\",\"end\":\"" + now.plusSeconds(3600) + "\"}");
        assertThat(window.status()).as(window.body()).isEqualTo(201);
        windows.add(window.json().get("key").asString());
        ConsoleSession deployer = ConsoleSession.newUser(api, baseUrl(), "deployer-" + UUID.randomUUID()
                .toString().substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"AppDeploy\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"" + QA + "\"}]");
        ConsoleSession admin = admin(baseUrl());

        String refused = deployer.get(confirmPath(app)).body();
        HttpResponse<String> postedAnyway = start(deployer, app, null);
        String overridable = admin.get(confirmPath(app)).body();
        HttpResponse<String> overridden = start(admin, app, "hotfix for the outage");

        assertThat(refused).contains("id=\"refusals\"", "is frozen by the window", "Console freeze", "open now",
                "you may not override it").doesNotContain("id=\"start\"");
        assertThat(postedAnyway.statusCode()).isEqualTo(409);
        assertThat(postedAnyway.body()).contains("is frozen by the window", "Console freeze");
        assertThat(overridable).contains("you may override it", "name=\"freezeOverride\"", "id=\"start\"")
                .doesNotContain("id=\"refusals\"");
        assertThat(overridden.statusCode()).isEqualTo(302);
        String op = started.get(started.size() - 1);
        assertThat(api.get(OPS + "/" + op + "/messages").body()).contains("FreezeOverridden", "hotfix for the outage");
    }

    @Test
    void aBreakingAnalysisIsShownProminentlyAndBlocksStartOnlyWhereThePolicySaysSo() throws Exception {
        String name = unique("Twin app");
        OneRevision running = app(name);
        OneRevision twin = app(name);
        Api.Response first = api.post(OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + running.key()
                + "\",\"buildKey\":\"" + running.build() + "\",\"revision\":1,\"environmentKey\":\"" + QA + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(awaitStatus(api, OPS + "/" + first.json().get("key").asString(), "Running").get("status")
                .asString()).isEqualTo("Finished");
        ConsoleSession browser = admin(baseUrl());

        String advisory = browser.get(confirmPath(twin)).body();
        put(POLICY, "{\"blockBreakingDeploys\":true}");
        String blocking = browser.get(confirmPath(twin)).body();
        HttpResponse<String> postedAnyway = start(browser, twin, null);

        assertThat(advisory).contains("class=\"breaking\"", "Errors found", "NameCollision", running.key(),
                "Deploy anyway").doesNotContain("id=\"refusals\"");
        assertThat(blocking).contains("id=\"refusals\"", "blockBreakingDeploys", "NameCollision")
                .doesNotContain("id=\"start\"");
        assertThat(postedAnyway.statusCode()).isEqualTo(409);
        assertThat(postedAnyway.body()).contains("blockBreakingDeploys", "NameCollision");
    }

    @Test
    void theConfirmPageNeedsDeployOnAStageTheUserSeesAndAFinishedReleaseBuildOfTheAsset() {
        OneRevision app = app(unique("Guarded app"));
        ConsoleSession viewer = ConsoleSession.newUser(api, baseUrl(), "viewer-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"*\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"*\"}]");
        ConsoleSession devOnly = ConsoleSession.newUser(api, baseUrl(), "dev-" + UUID.randomUUID().toString()
                .substring(0, 8), "[{\"permission\":\"StageView\",\"environmentKey\":\"" + DEVELOPMENT + "\"},"
                + "{\"permission\":\"AppDeploy\",\"environmentKey\":\"*\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"*\"}]");
        ConsoleSession admin = admin(baseUrl());
        String base = "/console/assets/" + app.key() + "/deploy?environmentKey=" + QA + "&buildKey=";

        assertThat(viewer.get(confirmPath(app)).statusCode()).isEqualTo(403);
        assertThat(devOnly.get(confirmPath(app)).statusCode()).isEqualTo(404);
        assertThat(admin.get(base + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(admin.get(base + "not-a-key").body()).contains("buildKey");
        assertThat(admin.get(base + "not-a-key").statusCode()).isEqualTo(400);
        assertThat(admin.get("/console/assets/" + app.key() + "/deploy?environmentKey=" + QA).statusCode())
                .isEqualTo(400);
    }
}
