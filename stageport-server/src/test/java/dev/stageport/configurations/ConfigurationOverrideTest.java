package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DELETE .../configurations/overrides: the stage's own value goes, the default applies again. */
class ConfigurationOverrideTest extends ConfigurationTestSupport {

    private static final String ENV = DemoData.DEVELOPMENT;

    private static String overrides(String app, String item) {
        return "/api/stageport/v1/environments/" + ENV + "/applications/" + app + "/configurations/overrides"
                + (item == null ? "" : "?item=" + item);
    }

    private JsonNode greeting(TestApp app) {
        for (JsonNode s : api.get(revisionPath(ENV, app.key(), "1")).json().get("settings")) {
            if (s.get("key").asString().equals(app.greeting())) {
                return s;
            }
        }
        throw new AssertionError("no greeting setting");
    }

    @Test
    void unsetRemovesTheStagesValueSoTheDefaultAppliesAtTheNextDeployAndTheHistorySaysSo() {
        TestApp app = newApp();
        assertThat(api.patch(patchPath(ENV, app.key()), settingsBody(1, app.greeting(), "Hi")).status())
                .isEqualTo(204);
        deploy(ENV, app, 1);
        String defaultValue = greeting(app).path("defaultValue").asString(null);

        Api.Response r = api.delete(overrides(app.key(), "settings/" + app.greeting()));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode after = greeting(app);
        assertThat(after.path("value").asString(null)).isEqualTo(defaultValue);
        assertThat(after.get("deployedValue").asString()).as("the running app keeps it until a deploy")
                .isEqualTo("Hi");
        deploy(ENV, app, 1);
        assertThat(greeting(app).path("deployedValue").asString(null)).isEqualTo(defaultValue);

        JsonNode history = api.get("/api/stageport/v1/environments/" + ENV + "/applications/" + app.key()
                + "/configuration-history?key=" + app.greeting()).json().get("results");
        java.util.List<String> sources = new java.util.ArrayList<>();
        history.forEach(h -> sources.add(h.get("source").asString()));
        assertThat(sources).contains("Unset");
    }

    @Test
    void unsetOfAnItemWithoutAStageValueIs404AndWithoutItemIs400() {
        TestApp app = newApp();
        Api.Response none = api.delete(overrides(app.key(), "settings/" + app.greeting()));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).contains("its default applies already");
        Api.Response missing = api.delete(overrides(app.key(), null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("'item' is required");
    }
}
