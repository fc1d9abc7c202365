package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigurationSectionsTest extends SectionsTestSupport {

    private static final String DEFAULTS = "/api/asset-configurations/v1/environments/%s/default-system-configurations";

    @Test
    void everySectionRoundTripsFromPatchToPendingToDeployedValue() {
        SectionsApp app = newSectionsApp();
        String env = DemoData.QA;
        String body = """
                {"revisionBaseline": 1,
                 "settings": [{"key": "%s", "value": "Hello"}],
                 "integrations": [{"key": "%s", "configs": [{"key": "BaseURL", "value": "https://qa.pay"},
                                                           {"key": "timeout", "value": "45"}]}],
                 "libraries": [{"key": "%s", "revision": 1,
                                "settings": [{"key": "%s", "value": "lib-qa"}],
                                "integrations": [{"key": "%s", "configs": [{"key": "BaseURL", "value": "https://lib.qa"}]}]}],
                 "systemConfigurations": [{"key": "LogLevel", "value": "Debug"}]}"""
                .formatted(app.greeting(), app.payments(), app.library(), app.libGreeting(), app.libApi());
        Api.Response r = api.patch(patchPath(env, app.key()), body);
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        JsonNode pending = view(env, app.key(), "1");
        JsonNode baseUrl = integrationConfig(pending, app.payments(), "BaseURL");
        assertThat(byKey(pending.get("integrations"), app.payments()).get("pluginType").asString())
                .isEqualTo("RestAPI");
        assertThat(baseUrl.get("value").asString()).isEqualTo("https://qa.pay");
        assertThat(baseUrl.get("valueSetAfterDeploy").asBoolean()).isTrue();
        assertThat(integrationConfig(pending, app.payments(), "Timeout").get("value").asString()).isEqualTo("45");
        JsonNode library = byKey(pending.get("libraries"), app.library());
        assertThat(library.get("revision").asInt()).isEqualTo(1);
        assertThat(byKey(library.get("settings"), app.libGreeting()).get("value").asString()).isEqualTo("lib-qa");
        assertThat(byKey(library.get("settings"), app.libGreeting()).get("valueOrigin").asString())
                .isEqualTo("LibraryLevelOverride");
        assertThat(integrationConfig(library, app.libApi(), "BaseURL").get("value").asString())
                .isEqualTo("https://lib.qa");
        assertThat(byKey(pending.get("systemConfigurations"), "LogLevel").get("value").asString()).isEqualTo("Debug");

        assertThat(status(deployOver(env, app, 1))).isEqualTo("Finished");

        JsonNode deployed = view(env, app.key(), "1");
        assertThat(byKey(deployed.get("settings"), app.greeting()).get("deployedValue").asString()).isEqualTo("Hello");
        JsonNode deployedUrl = integrationConfig(deployed, app.payments(), "BaseURL");
        assertThat(deployedUrl.get("deployedValue").asString()).isEqualTo("https://qa.pay");
        assertThat(deployedUrl.get("deployedValueOrigin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(deployedUrl.get("valueSetAfterDeploy").asBoolean()).isFalse();
        JsonNode deployedLib = byKey(deployed.get("libraries"), app.library());
        assertThat(integrationConfig(deployedLib, app.libApi(), "BaseURL").get("deployedValue").asString())
                .isEqualTo("https://lib.qa");
        assertThat(byKey(deployedLib.get("settings"), app.libGreeting()).get("deployedValueOrigin").asString())
                .isEqualTo("LibraryLevelOverride");
        JsonNode logLevel = byKey(deployed.get("systemConfigurations"), "LogLevel");
        assertThat(logLevel.get("deployedValue").asString()).isEqualTo("Debug");
        assertThat(logLevel.get("deployedValueOrigin").asString()).isEqualTo("ApplicationLevelOverride");
    }

    @Test
    void wrongTypeInAnIntegrationConfigThen400NamingTheKeyAndNothingStored() {
        SectionsApp app = newSectionsApp();
        String body = """
                {"revisionBaseline": 1, "settings": [{"key": "%s", "value": "ok"}],
                 "integrations": [{"key": "%s", "configs": [{"key": "Timeout", "value": "soon"}]}]}"""
                .formatted(app.greeting(), app.payments());
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("detail").asString()).contains("Timeout").contains(app.payments()).contains("Integer");
        assertThat(byKey(view(stage(0), app.key(), "1").get("settings"), app.greeting()).get("value").asString())
                .isEqualTo("Hi");
    }

    @Test
    void libraryRevisionOtherThanTheReferencedOneThen400() {
        SectionsApp app = newSectionsApp();
        String body = """
                {"revisionBaseline": 1, "libraries": [{"key": "%s", "revision": 2,
                 "settings": [{"key": "%s", "value": "x"}]}]}""".formatted(app.library(), app.libGreeting());
        JsonNode problem = api.patch(patchPath(stage(0), app.key()), body).problem(400);
        assertThat(problem.get("detail").asString()).contains(app.library()).contains("revision 2");
    }

    @Test
    void systemConfigurationFollowsCatalogThenStageDefaultThenAppOverride() {
        SectionsApp app = newSectionsApp();
        SectionsApp other = newSectionsApp();
        String env = stage(1);
        JsonNode catalog = byKey(view(env, other.key(), "1").get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(catalog.get("defaultValue").asString()).isEqualTo("20");

        Api.Response set = api.patch(DEFAULTS.formatted(env),
                "{\"systemConfigurations\": [{\"key\": \"SessionTimeoutMinutes\", \"value\": \"45\"}]}");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(api.patch(patchPath(env, app.key()), "{\"revisionBaseline\": 1, \"systemConfigurations\": "
                + "[{\"key\": \"SessionTimeoutMinutes\", \"value\": \"90\"}]}").status()).isEqualTo(204);

        JsonNode overridden = byKey(view(env, app.key(), "1").get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(overridden.get("value").asString()).isEqualTo("90");
        assertThat(overridden.get("valueOrigin").asString()).isEqualTo("ApplicationLevelOverride");
        JsonNode inherited = byKey(view(env, other.key(), "1").get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(inherited.get("value").asString()).isEqualTo("45");
        assertThat(inherited.get("valueOrigin").asString()).isEqualTo("EnvironmentLevelDefault");

        JsonNode stageView = byKey(api.get(DEFAULTS.formatted(env)).json().get("systemConfigurations"),
                "SessionTimeoutMinutes");
        assertThat(stageView.get("value").asString()).isEqualTo("45");
        assertThat(stageView.get("defaultValue").asString()).isEqualTo("20");
        assertThat(stageView.get("valueOrigin").asString()).isEqualTo("EnvironmentLevelDefault");
    }

    @Test
    void changingTheStageDefaultAfterADeployMarksTheInheritedValuePendingUntilApplied() {
        SectionsApp app = newSectionsApp();
        String env = stage(0);
        deployOver(env, app, 1);
        String deployedPath = "/api/asset-configurations/v1/environments/" + env + "/applications/" + app.key()
                + "/revisions/deployed/configurations";
        JsonNode before = byKey(api.get(deployedPath).json().get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(before.get("valueSetAfterDeploy").asBoolean()).isFalse();
        String fresh = Integer.toString(Integer.parseInt(before.get("value").asString()) + 7);

        assertThat(api.patch(DEFAULTS.formatted(env), "{\"systemConfigurations\": [{\"key\": "
                + "\"SessionTimeoutMinutes\", \"value\": \"" + fresh + "\"}]}").status()).isEqualTo(204);
        JsonNode changed = byKey(api.get(deployedPath).json().get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(changed.get("value").asString()).isEqualTo(fresh);
        assertThat(changed.get("deployedValue").asString()).isEqualTo(before.get("value").asString());
        assertThat(changed.get("valueSetAfterDeploy").asBoolean()).isTrue();

        applyConfigs(env, app);
        JsonNode applied = byKey(api.get(deployedPath).json().get("systemConfigurations"), "SessionTimeoutMinutes");
        assertThat(applied.get("deployedValue").asString()).isEqualTo(fresh);
        assertThat(applied.get("valueSetAfterDeploy").asBoolean()).isFalse();
    }

    @Test
    void stageDefaultWithUnknownKeyOrWrongTypeThen400AndNothingStored() {
        String env = stage(2);
        JsonNode problem = api.patch(DEFAULTS.formatted(env), """
                {"systemConfigurations": [{"key": "MaintenanceMode", "value": "True"},
                                          {"key": "NoSuchThing", "value": "1"},
                                          {"key": "SessionTimeoutMinutes", "value": "long"}]}""").problem(400);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("detail").asString()).contains("NoSuchThing").contains("SessionTimeoutMinutes");
        JsonNode maintenance = byKey(api.get(DEFAULTS.formatted(env)).json().get("systemConfigurations"),
                "MaintenanceMode");
        assertThat(maintenance.get("value").asString()).isEqualTo("False");
    }

    @Test
    void agentsHaveTheirOwnPathsWithoutSystemConfigurationsAndAreNotApps() {
        String[] agent = newAgent();
        SectionsApp app = newSectionsApp();
        String env = stage(0);
        String agents = "/api/asset-configurations/v1/environments/" + env + "/agents/";
        Api.Response r = api.patch(agents + agent[0] + "/configurations",
                "{\"revisionBaseline\": 1, \"settings\": [{\"key\": \"" + agent[1] + "\", \"value\": \"Be kind\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode view = api.get(agents + agent[0] + "/revisions/1/configurations").json();
        assertThat(view.get("settings").get(0).get("value").asString()).isEqualTo("Be kind");
        assertThat(view.has("systemConfigurations")).isFalse();

        api.patch(agents + agent[0] + "/configurations",
                "{\"systemConfigurations\": [{\"key\": \"LogLevel\", \"value\": \"Debug\"}]}").problem(400);
        api.get(agents + app.key() + "/revisions/1/configurations").problem(404);
        api.get(revisionPath(env, agent[0], "1")).problem(404);
        api.patch(patchPath(env, agent[0]), "{\"settings\": []}").problem(404);
    }
}
