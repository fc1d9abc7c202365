package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigurationPatchTest extends ConfigurationTestSupport {

    private JsonNode setting(String env, TestApp app, int revision, String key) {
        JsonNode result = api.get(revisionPath(env, app.key(), String.valueOf(revision))).json();
        for (JsonNode s : result.get("settings")) {
            if (s.get("key").asString().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key + " in " + result);
    }

    private long storedRows(String env, TestApp app) {
        return jdbc.sql("select count(*) from config_value where env_key = ? and asset_key = ?")
                .params(env, app.key()).query(Long.class).single();
    }

    @Test
    void patchThen204AndTheValueShowsAsPendingOverride() {
        TestApp app = newApp();
        String env = stage(0);
        Api.Response r = api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "Hello"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();

        JsonNode greeting = setting(env, app, 1, app.greeting());
        assertThat(greeting.get("value").asString()).isEqualTo("Hello");
        assertThat(greeting.get("defaultValue").asString()).isEqualTo("Hi");
        assertThat(greeting.get("valueSetAfterDeploy").asBoolean()).isTrue();
        assertThat(greeting.get("valueOrigin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(greeting.has("deployedValue")).isFalse();
        assertThat(greeting.hasNonNull("updatedAt")).isTrue();
        JsonNode limit = setting(env, app, 1, app.limit());
        assertThat(limit.get("value").asString()).isEqualTo("5");
        assertThat(limit.get("valueOrigin").asString()).isEqualTo("ApplicationLevelDefault");
        assertThat(limit.get("valueSetAfterDeploy").asBoolean()).isFalse();
    }

    @Test
    void patchWithRevisionBaselineAsStringAndNullBodyKeyIsAccepted() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"key\": null, \"revisionBaseline\": \"1\", \"timers\": [{\"key\": \"" + app.timer()
                + "\", \"configs\": [{\"key\": \"IsActive\", \"value\": \"false\"}]}]}";
        assertThat(api.patch(patchPath(env, app.key()), body).status()).isEqualTo(204);
        JsonNode timer = api.get(revisionPath(env, app.key(), "1")).json().get("timers").get(0);
        assertThat(timer.get("configs").get(0).get("key").asString()).isEqualTo("IsActive");
        assertThat(timer.get("configs").get(0).get("value").asString()).isEqualTo("False");
        assertThat(timer.get("configs").get(1).get("value").asString()).isEqualTo("0 3 * * *");
    }

    @Test
    void patchWithJsonNumberValueAndNullRevisionIsHandled() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + app.limit() + "\", \"value\": 7}]}";
        assertThat(api.patch(patchPath(env, app.key()), body).status()).isEqualTo(204);
        JsonNode limit = setting(env, app, 1, app.limit());
        assertThat(limit.get("value").asString()).isEqualTo("7");
        assertThat(limit.get("updatedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z");
        api.patch(patchPath(env, app.key()), "{\"revisionBaseline\": \"abc\"}").problem(400);
    }

    @Test
    void patchWithoutRevisionBaselineAsTheApplyConfigsDocsShowChecksAgainstTheLatestRevision() {
        TestApp app = newApp();
        String env = stage(0);
        String onlyInRevision2 = "{\"settings\": [{\"key\": \"" + app.theme() + "\", \"value\": \"dark\"}]}";
        assertThat(api.patch(patchPath(env, app.key()), onlyInRevision2).status()).isEqualTo(204);
        assertThat(setting(env, app, 2, app.theme()).get("value").asString()).isEqualTo("dark");
        String wrongType = "{\"settings\": [{\"key\": \"" + app.limit() + "\", \"value\": \"many\"}]}";
        api.patch(patchPath(env, app.key()), wrongType).problem(400);
    }

    @Test
    void patchIgnoresUnknownPropertiesAndMatchesKeysWhateverTheirCase() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"revisionBaseline\": 1, \"comment\": \"from CI\", \"settings\": [{\"key\": \""
                + app.greeting().toUpperCase() + "\", \"value\": \"Hey\"}], \"timers\": [{\"key\": \""
                + app.timer() + "\", \"configs\": [{\"key\": \"schedule\", \"value\": \"0 4 * * *\"}]}]}";
        Api.Response r = api.patch(patchPath(env.toUpperCase(), app.key().toUpperCase()), body);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(setting(env, app, 1, app.greeting()).get("value").asString()).isEqualTo("Hey");
    }

    @Test
    void patchWithIntegrationOrDuplicateKeyThen400() {
        TestApp app = newApp();
        String body = "{\"revisionBaseline\": 1, \"integrations\": [{\"key\": \"rest-1\"}], \"settings\": ["
                + "{\"key\": \"" + app.greeting() + "\", \"value\": \"a\"},"
                + "{\"key\": \"" + app.greeting() + "\", \"value\": \"b\"}]}";
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("detail").asString()).contains("rest-1").contains("more than once");
    }

    @Test
    void patchWithBodyKeyOfAnotherAppThen400() {
        TestApp app = newApp();
        String body = "{\"key\": \"" + UUID.randomUUID() + "\", \"revisionBaseline\": 1}";
        assertThat(api.patch(patchPath(stage(0), app.key()), body).problem(400).get("detail").asString())
                .contains("'key'");
    }

    @Test
    void patchWithUnknownSettingKeyThen400NamingTheKey() {
        TestApp app = newApp();
        String unknown = UUID.randomUUID().toString();
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), settingsBody(1, unknown, "x")).problem(400);
        assertThat(problem.get("detail").asString()).contains(unknown);
    }

    @Test
    void patchWithWrongTypesThen400ListingEveryOffendingKey() {
        TestApp app = newApp();
        String body = "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + app.limit() + "\", \"value\": \"abc\"}],"
                + " \"timers\": [{\"key\": \"" + app.timer() + "\", \"configs\": [{\"key\": \"IsActive\","
                + " \"value\": \"maybe\"}]}]}";
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("detail").asString()).contains(app.limit()).contains(app.timer());
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).asString()).contains(app.limit()).contains("Integer");
        assertThat(problem.get("errors").get(1).asString()).contains("IsActive").contains("Boolean");
    }

    @Test
    void patchWithUnknownTimerOrTimerConfigThen400NamingIt() {
        TestApp app = newApp();
        String unknownTimer = UUID.randomUUID().toString();
        String body = "{\"revisionBaseline\": 1, \"timers\": [{\"key\": \"" + unknownTimer + "\", \"configs\": []},"
                + " {\"key\": \"" + app.timer() + "\", \"configs\": [{\"key\": \"Interval\", \"value\": \"1\"}]}]}";
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("detail").asString()).contains(unknownTimer).contains("Interval");
    }

    @Test
    void patchOfKeyOnlyInRevision2WithBaseline1Then400() {
        TestApp app = newApp();
        String env = stage(0);
        api.patch(patchPath(env, app.key()), settingsBody(1, app.theme(), "dark")).problem(400);
        assertThat(api.patch(patchPath(env, app.key()), settingsBody(2, app.theme(), "dark")).status())
                .isEqualTo(204);
    }

    @Test
    void patchWithUnknownOrNonNumericRevisionThen400() {
        TestApp app = newApp();
        String path = patchPath(stage(0), app.key());
        assertThat(api.patch(path, settingsBody(9, app.greeting(), "x")).problem(400).get("detail").asString())
                .contains("revisionBaseline");
        api.patch(path, settingsBody("\"two\"", app.greeting(), "x")).problem(400);
        api.patch(path, settingsBody("true", app.greeting(), "x")).problem(400);
    }

    @Test
    void patchOnUnknownStageOrAppThen404() {
        TestApp app = newApp();
        api.patch(patchPath(UUID.randomUUID().toString(), app.key()), settingsBody(1, app.greeting(), "x"))
                .problem(404);
        api.patch(patchPath(stage(0), UUID.randomUUID().toString()), settingsBody(1, app.greeting(), "x"))
                .problem(404);
        api.patch(patchPath("not-a-uuid", app.key()), settingsBody(1, app.greeting(), "x")).problem(400);
    }

    @Test
    void patchWithMalformedJsonThen400() {
        TestApp app = newApp();
        api.patch(patchPath(stage(0), app.key()), "{\"revisionBaseline\": 1, \"settings\": [").problem(400);
        api.patch(patchPath(stage(0), app.key()), "").problem(400);
    }

    @Test
    void patchWithOneBadKeyAmongGoodOnesStoresNothing() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"revisionBaseline\": 1, \"settings\": ["
                + "{\"key\": \"" + app.greeting() + "\", \"value\": \"Hello\"},"
                + "{\"key\": \"" + app.token() + "\", \"value\": \"s3cret\"},"
                + "{\"key\": \"" + app.limit() + "\", \"value\": \"99999999999\"}]}";
        api.patch(patchPath(env, app.key()), body).problem(400);
        assertThat(storedRows(env, app)).isZero();
        assertThat(setting(env, app, 1, app.greeting()).get("value").asString()).isEqualTo("Hi");
    }

    @Test
    void patchWithEditPermissionOnlyOnAnotherStageThen403() {
        TestApp app = newApp();
        Api other = clientWith(Map.of(Permission.EDIT_CONFIGURATIONS, Set.of(stage(1)),
                Permission.VIEW_CONFIGURATIONS, Set.of(stage(0))));
        other.patch(patchPath(stage(0), app.key()), settingsBody(1, app.greeting(), "x")).problem(403);
        assertThat(storedRows(stage(0), app)).isZero();
        assertThat(other.patch(patchPath(stage(1), app.key()), settingsBody(1, app.greeting(), "x")).status())
                .isEqualTo(204);
    }

    @Test
    void secretIsStoredSealedAndNeverReturnedInClear() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + app.token()
                + "\", \"value\": \"top-secret-value\"}]}";
        assertThat(api.patch(patchPath(env, app.key()), body).status()).isEqualTo(204);

        String raw = jdbc.sql("select value_text from config_value where env_key = ? and asset_key = ?"
                        + " and item_path = ?").params(env, app.key(), "settings/" + app.token())
                .query(String.class).single();
        assertThat(raw).isNotBlank().doesNotContain("top-secret-value");
        Api.Response view = api.get(revisionPath(env, app.key(), "1"));
        assertThat(view.body()).doesNotContain("top-secret-value");
        JsonNode token = setting(env, app, 1, app.token());
        assertThat(token.get("value").asString()).isEqualTo("********");
        assertThat(token.get("isSecret").asBoolean()).isTrue();
        assertThat(token.propertyNames()).isSubsetOf("key", "name", "description", "dataType", "defaultValue",
                "deployedValue", "value", "valueOrigin", "deployedValueOrigin", "isSecret", "valueSetAfterDeploy",
                "updatedAt", "filename");

        deploy(env, app, 1);
        Api.Response deployed = api.get("/api/asset-configurations/v1/environments/" + env + "/applications/"
                + app.key() + "/revisions/deployed/configurations");
        assertThat(deployed.body()).doesNotContain("top-secret-value");
        JsonNode deployedToken = setting(env, app, 1, app.token());
        assertThat(deployedToken.get("deployedValue").asString()).isEqualTo("********");
    }

    @Test
    void secretWithoutValueLeavesValueOut() {
        TestApp app = newApp();
        JsonNode token = setting(stage(0), app, 1, app.token());
        assertThat(token.has("value")).isFalse();
        assertThat(token.has("defaultValue")).isFalse();
    }

    @Test
    void patchWithNullValueThen400NamingTheKey() {
        TestApp app = newApp();
        String body = "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + app.token() + "\", \"value\": null}]}";
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("detail").asString()).contains(app.token());
    }
}
