package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StageDiffTest extends SectionsTestSupport {

    private static final String QA = DemoData.QA;
    private static final String PRODUCTION = DemoData.PRODUCTION;

    private static String diff(String app, String query) {
        return "/api/stageport/v1/applications/" + app + "/configuration-diff?" + query;
    }

    private void set(String env, TestApp app, String key, String value) {
        Api.Response r = api.patch(patchPath(env, app.key()), settingsBody(1, key, value));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private JsonNode items(TestApp app, String query) {
        Api.Response r = api.get(diff(app.key(), query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static JsonNode item(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.get("key").asString().equals(key)) {
                return item;
            }
        }
        return null;
    }

    private void deploy(String env, TestApp app) {
        JsonNode op = run("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(app.key(), app.release1(), env));
        assertThat(status(op)).isEqualTo("Finished");
    }

    @Test
    void listsOnlyItemsWhoseValueOrOriginDiffersWithBothSidesAndPending() {
        TestApp app = newApp();
        set(QA, app, app.greeting(), "Hello QA");
        set(QA, app, app.limit(), "5");   // the default's value, but set in the stage: the origin differs
        JsonNode items = items(app, "from=" + QA + "&to=" + PRODUCTION);

        JsonNode greeting = item(items, app.greeting());
        assertThat(greeting.get("section").asString()).isEqualTo("settings");
        assertThat(greeting.get("name").asString()).isEqualTo("Greeting");
        assertThat(greeting.get("from").get("value").asString()).isEqualTo("Hello QA");
        assertThat(greeting.get("from").get("origin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(greeting.get("from").get("pending").asBoolean()).isTrue();
        assertThat(greeting.get("to").get("value").asString()).isEqualTo("Hi");
        assertThat(greeting.get("to").get("origin").asString()).isEqualTo("ApplicationLevelDefault");
        assertThat(greeting.get("to").get("pending").asBoolean()).isFalse();
        JsonNode limit = item(items, app.limit());
        assertThat(limit.get("from").get("value").asString()).isEqualTo(limit.get("to").get("value").asString());
        assertThat(item(items, app.timer() + "/IsActive")).isNull();
    }

    @Test
    void secretsAreComparedWithoutEverBeingShown() {
        TestApp app = newApp();
        set(QA, app, app.token(), "same-secret");
        set(PRODUCTION, app, app.token(), "same-secret");
        assertThat(item(items(app, "from=" + QA + "&to=" + PRODUCTION), app.token())).isNull();

        set(PRODUCTION, app, app.token(), "other-secret");
        Api.Response r = api.get(diff(app.key(), "from=" + QA + "&to=" + PRODUCTION));
        assertThat(r.body()).doesNotContain("same-secret", "other-secret");
        JsonNode token = item(r.json().get("items"), app.token());
        assertThat(token.get("from").get("value").asString()).isEqualTo("(differs)");
        assertThat(token.get("to").get("value").asString()).isEqualTo("(differs)");
    }

    @Test
    void deployedComparesWhatRunsInsteadOfPendingValues() {
        TestApp app = newApp();
        set(QA, app, app.greeting(), "Running in both");
        set(PRODUCTION, app, app.greeting(), "Running in both");
        deploy(QA, app);
        deploy(PRODUCTION, app);
        set(QA, app, app.greeting(), "Pending in QA");

        assertThat(item(items(app, "from=" + QA + "&to=" + PRODUCTION + "&deployed=true"), app.greeting())).isNull();
        JsonNode pending = item(items(app, "from=" + QA + "&to=" + PRODUCTION), app.greeting());
        assertThat(pending.get("from").get("value").asString()).isEqualTo("Pending in QA");
        assertThat(pending.get("from").get("pending").asBoolean()).isTrue();
    }

    @Test
    void badStagesAppsAndPermissionsAreRefusedNamingTheParameter() {
        TestApp app = newApp();
        assertThat(api.get(diff(app.key(), "from=" + QA + "&to=" + QA)).problem(400).get("detail").asString())
                .contains("'from'", "'to'");
        assertThat(api.get(diff(app.key(), "to=" + QA)).problem(400).get("detail").asString()).contains("'from'");
        assertThat(api.get(diff(app.key(), "from=" + QA + "&to=nope")).problem(400).get("detail").asString())
                .contains("to");
        assertThat(api.get(diff(app.key(), "from=" + QA + "&to=" + uuid())).problem(404).get("detail").asString())
                .contains("stage");
        assertThat(api.get(diff(uuid(), "from=" + QA + "&to=" + PRODUCTION)).problem(404).get("detail").asString())
                .contains("app");
        assertThat(api.get(diff(app.key(), "from=" + QA + "&to=" + PRODUCTION + "&deployed=true")).problem(404)
                .get("detail").asString()).contains("'from'", "deployed");
        Api qaOnly = clientWith(Map.of(Permission.VIEW_CONFIGURATIONS, Set.of(QA)));
        assertThat(qaOnly.get(diff(app.key(), "from=" + QA + "&to=" + PRODUCTION)).problem(403).get("detail")
                .asString()).contains("'to'");
        assertThat(qaOnly.get(diff(app.key(), "from=" + PRODUCTION + "&to=" + QA)).problem(403).get("detail")
                .asString()).contains("'from'");
    }
}
