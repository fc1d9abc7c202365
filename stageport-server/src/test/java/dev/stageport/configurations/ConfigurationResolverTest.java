package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.assets.AssetRevision;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.support.Api;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigurationResolverTest extends ConfigurationTestSupport {

    private boolean applied(String env, TestApp app, String path) {
        return jdbc.sql("select applied from config_value where env_key = ? and asset_key = ? and item_path = ?")
                .params(env, app.key(), path).query(Boolean.class).single();
    }

    @Test
    void resolveTakesStageValuesOverDefaultsAndKeepsSecretsSealed() {
        TestApp app = newApp();
        String env = stage(0);
        String body = "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + app.greeting() + "\", \"value\": \"Hello\"},"
                + " {\"key\": \"" + app.token() + "\", \"value\": \"hush\"}]}";
        assertThat(api.patch(patchPath(env, app.key()), body).status()).isEqualTo(204);

        EffectiveConfiguration.Resolved resolved = resolver.resolve(env, app.key(), 2);
        JsonNode snapshot = Api.JSON.readTree(resolved.snapshotJson());
        JsonNode greeting = snapshot.get("settings/" + app.greeting());
        assertThat(greeting.get("value").asString()).isEqualTo("Hello");
        assertThat(greeting.get("origin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(snapshot.get("settings/" + app.theme()).get("value").asString()).isEqualTo("light");
        assertThat(snapshot.get("settings/" + app.theme()).get("origin").asString())
                .isEqualTo("ApplicationLevelDefault");
        assertThat(snapshot.get("timers/" + app.timer() + "/IsActive").get("value").asString()).isEqualTo("True");
        assertThat(snapshot.get("timers/" + app.timer() + "/Schedule").get("value").asString())
                .isEqualTo("0 3 * * *");
        JsonNode token = snapshot.get("settings/" + app.token());
        assertThat(token.get("secret").asBoolean()).isTrue();
        assertThat(token.get("value").asString()).isNotEqualTo("hush");
        assertThat(resolved.snapshotJson()).doesNotContain("hush");
        assertThat(resolved.versions()).containsOnlyKeys("settings/" + app.greeting(), "settings/" + app.token());
        assertThat(resolved.summary()).contains("Setting Greeting = Hello (EnvironmentLevelOverride)",
                "Setting Token = ******** (EnvironmentLevelOverride)", "Setting Limit = 5 (ApplicationLevelDefault)");
        assertThat(String.join("\n", resolved.summary())).doesNotContain("hush");
    }

    @Test
    void markAppliedLeavesAValueChangedAfterResolvePending() {
        TestApp app = newApp();
        String env = stage(0);
        api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "One"));
        api.patch(patchPath(env, app.key()), settingsBody(1, app.limit(), "7"));
        EffectiveConfiguration.Resolved resolved = resolver.resolve(env, app.key(), 1);

        api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "Two"));
        resolver.markApplied(env, app.key(), resolved);

        assertThat(applied(env, app, "settings/" + app.limit())).isTrue();
        assertThat(applied(env, app, "settings/" + app.greeting())).isFalse();
    }

    @Test
    void resolveRejectsAStageValueTheTargetRevisionTypesRefuse() {
        TestApp app = newApp();
        String env = stage(0);
        api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "not a number"));
        ConfigSchema retyped = new ConfigSchema(List.of(
                new ConfigSchema.Setting(app.greeting(), "Greeting", "now a number", DataType.Integer, "1", false)),
                List.of());
        assets.insertRevision(new AssetRevision(app.key(), 3, "App", null, null, null, null, "three", null, "m3",
                retyped.toJson(), Instant.now(), "test"));

        assertThatThrownBy(() -> resolver.resolve(env, app.key(), 3))
                .isInstanceOf(EffectiveConfiguration.ConfigurationRejected.class)
                .hasMessageContaining(app.greeting());
        assertThatThrownBy(() -> resolver.resolve(env, app.key(), 42))
                .isInstanceOf(EffectiveConfiguration.ConfigurationRejected.class);
    }

    @Test
    void resolveIgnoresStageValuesOfKeysTheTargetRevisionDropped() {
        TestApp app = newApp();
        String env = stage(0);
        api.patch(patchPath(env, app.key()), settingsBody(2, app.theme(), "dark"));
        EffectiveConfiguration.Resolved resolved = resolver.resolve(env, app.key(), 1);
        assertThat(resolved.snapshotJson()).doesNotContain(app.theme());
        assertThat(resolved.versions()).isEmpty();
    }
}
