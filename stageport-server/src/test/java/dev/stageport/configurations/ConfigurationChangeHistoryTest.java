package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigurationChangeHistoryTest extends SectionsTestSupport {

    private static final String ENV = DemoData.DEVELOPMENT;

    private static String history(String env, String app, String query) {
        return "/api/stageport/v1/environments/" + env + "/applications/" + app + "/configuration-history"
                + (query.isEmpty() ? "" : "?" + query);
    }

    private void patch(TestApp app, String key, String value) {
        Api.Response r = api.patch(patchPath(ENV, app.key()), settingsBody(1, key, value));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private JsonNode results(String env, String app, String query) {
        Api.Response r = api.get(history(env, app, query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("results");
    }

    private static List<String> values(JsonNode results, String field) {
        List<String> out = new ArrayList<>();
        results.forEach(n -> out.add(n.path(field).asString(null)));
        return out;
    }

    @Test
    void patchesAndTheDeployThatAppliedThemShowNewestFirstWithWhoWhenAndHow() {
        TestApp app = newApp();
        patch(app, app.greeting(), "one");
        patch(app, app.greeting(), "two");
        JsonNode op = run("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), ENV));
        assertThat(status(op)).isEqualTo("Finished");

        JsonNode results = results(ENV, app.key(), "key=" + app.greeting());
        assertThat(values(results, "source")).containsExactly("Applied", "Patch", "Patch");
        assertThat(values(results, "newValue")).containsExactly("two", "two", "one");
        assertThat(values(results, "previousValue")).containsExactly(null, "one", null);
        JsonNode applied = results.get(0);
        assertThat(applied.get("operationKey").asString()).isEqualTo(op.get("key").asString());
        assertThat(applied.get("section").asString()).isEqualTo("settings");
        assertThat(applied.get("name").asString()).isEqualTo("Greeting");
        JsonNode first = results.get(2);
        assertThat(first.get("changedBy").asString()).isEqualTo(CLIENT_ID);
        assertThat(Instant.parse(first.get("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.has("operationKey")).isFalse();
    }

    @Test
    void aStageDefaultChangeShowsInTheHistoryOfEveryAppOfTheStage() {
        TestApp app = newApp();
        Instant before = Instant.now().minusSeconds(1);
        Api.Response r = api.patch("/api/asset-configurations/v1/environments/" + ENV
                + "/default-system-configurations",
                "{\"systemConfigurations\":[{\"key\":\"LogLevel\",\"value\":\"Debug\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        JsonNode results = results(ENV, app.key(), "section=systemConfigurations&key=LogLevel&since=" + before);
        assertThat(results.get(0).get("source").asString()).isEqualTo("StageDefault");
        assertThat(results.get(0).get("newValue").asString()).isEqualTo("Debug");
        assertThat(results(ENV, app.key(), "section=settings").size()).isZero();
    }

    @Test
    void aSecretShowsOnlyThatItChanged() {
        TestApp app = newApp();
        patch(app, app.token(), "first-secret-value");
        patch(app, app.token(), "second-secret-value");

        Api.Response r = api.get(history(ENV, app.key(), "key=" + app.token()));
        assertThat(r.body()).doesNotContain("first-secret-value", "second-secret-value");
        assertThat(values(r.json().get("results"), "newValue")).containsExactly("(secret changed)",
                "(secret changed)");
        assertThat(values(r.json().get("results"), "previousValue")).containsOnlyNulls();
    }

    @Test
    void aRestoreNamesTheOperationItRestoredFrom() {
        TestApp app = newApp();
        patch(app, app.greeting(), "kept");
        JsonNode op = run("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), ENV));
        patch(app, app.greeting(), "later");
        Api.Response r = api.post("/api/stageport/v1/environments/" + ENV + "/applications/" + app.key()
                + "/configurations/restore", "{\"operationKey\":\"" + op.get("key").asString() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        JsonNode newest = results(ENV, app.key(), "key=" + app.greeting() + "&limit=1").get(0);
        assertThat(newest.get("source").asString()).isEqualTo("Restore");
        assertThat(newest.get("operationKey").asString()).isEqualTo(op.get("key").asString());
        assertThat(newest.get("previousValue").asString()).isEqualTo("later");
        assertThat(newest.get("newValue").asString()).isEqualTo("kept");
    }

    @Test
    void twoConcurrentPatchesOfTheSameKeyBothAppearEachReplacingTheOther() {
        TestApp app = newApp();
        patch(app, app.greeting(), "start");
        List<Integer> statuses = concurrently(settingsBody(1, app.greeting(), "left"),
                settingsBody(1, app.greeting(), "right"), app);
        assertThat(statuses).containsExactly(204, 204);

        JsonNode results = results(ENV, app.key(), "key=" + app.greeting());
        assertThat(values(results, "newValue")).hasSize(3).containsOnly("start", "left", "right").endsWith("start");
        // the later writer replaced the earlier one's value, the earlier one replaced "start"
        assertThat(results.get(0).get("previousValue").asString()).isEqualTo(results.get(1).get("newValue")
                .asString());
        assertThat(results.get(1).get("previousValue").asString()).isEqualTo("start");
    }

    @Test
    void twoConcurrentFirstPatchesOfTheSameKeyBothSucceedAndBothAppear() {
        TestApp app = newApp();
        List<Integer> statuses = concurrently(settingsBody(1, app.greeting(), "left"),
                settingsBody(1, app.greeting(), "right"), app);
        assertThat(statuses).containsExactly(204, 204);

        JsonNode results = results(ENV, app.key(), "key=" + app.greeting());
        assertThat(values(results, "newValue")).containsExactlyInAnyOrder("left", "right");
        assertThat(results.get(0).get("previousValue").asString()).isEqualTo(results.get(1).get("newValue")
                .asString());
        assertThat(results.get(1).has("previousValue")).isFalse();
    }

    @Test
    void twoConcurrentPatchesOfDifferentKeysBothSurvive() {
        TestApp app = newApp();
        List<Integer> statuses = concurrently(settingsBody(1, app.greeting(), "hello"),
                settingsBody(1, app.limit(), "9"), app);
        assertThat(statuses).containsExactly(204, 204);

        JsonNode settings = view(ENV, app.key(), "1").get("settings");
        assertThat(byKey(settings, app.greeting()).get("value").asString()).isEqualTo("hello");
        assertThat(byKey(settings, app.limit()).get("value").asString()).isEqualTo("9");
        assertThat(values(results(ENV, app.key(), "section=settings"), "newValue")).containsExactlyInAnyOrder(
                "hello", "9");
    }

    private List<Integer> concurrently(String left, String right, TestApp app) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (String body : List.of(left, right)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.patch(patchPath(ENV, app.key()), body).status();
            }));
        }
        start.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void badFiltersUnknownTargetsAndForeignStagesAreRefusedNamingTheParameter() {
        TestApp app = newApp();
        assertThat(api.get(history(ENV, app.key(), "key=NoSuchSetting")).problem(400).get("detail").asString())
                .contains("'key'");
        assertThat(api.get(history(ENV, app.key(), "section=colours")).problem(400).get("detail").asString())
                .contains("'section'");
        assertThat(api.get(history(ENV, app.key(), "since=yesterday")).problem(400).get("detail").asString())
                .contains("'since'");
        assertThat(api.get(history(ENV, app.key(), "limit=0")).problem(400).get("detail").asString())
                .contains("'limit'");
        assertThat(api.get(history(ENV, uuid(), "")).problem(404).get("detail").asString()).contains("app");
        assertThat(api.get(history(uuid(), app.key(), "")).problem(404).get("detail").asString()).contains("stage");
        Api qaOnly = clientWith(Map.of(Permission.VIEW_CONFIGURATIONS, Set.of(DemoData.QA)));
        qaOnly.get(history(ENV, app.key(), "")).problem(403);
        assertThat(qaOnly.get(history(DemoData.QA, app.key(), "")).status()).isEqualTo(200);
    }
}
