package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigurationViewTest extends ConfigurationTestSupport {

    private static String deployedPath(String env, String app) {
        return "/api/asset-configurations/v1/environments/" + env + "/applications/" + app
                + "/revisions/deployed/configurations";
    }

    @Test
    void revisionViewListsSchemaWithDefaultsAndEmptySections() {
        TestApp app = newApp();
        Api.Response r = api.get(revisionPath(stage(0), app.key(), "2"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.get("key").asString()).isEqualTo(app.key());
        assertThat(result.get("name").asString()).startsWith("App ");
        assertThat(result.get("revisionBaseline").asInt()).isEqualTo(2);
        assertThat(result.has("revisionDeployed")).isFalse();
        assertThat(result.has("deployedAt")).isFalse();
        assertThat(result.get("settings")).hasSize(4);
        assertThat(result.get("settings").get(1).get("dataType").asString()).isEqualTo("Integer");
        assertThat(result.get("timers").get(0).get("key").asString()).isEqualTo(app.timer());
        assertThat(result.get("timers").get(0).get("configs").get(0).get("value").asString()).isEqualTo("True");
        assertThat(result.get("integrations")).isEmpty();
        assertThat(result.get("libraries")).isEmpty();
    }

    @Test
    void deployedViewOfAnUndeployedAppThen404() {
        TestApp app = newApp();
        api.get(deployedPath(stage(0), app.key())).problem(404);
    }

    @Test
    void deployedViewShowsDeployedValueAndThenAPendingChange() {
        TestApp app = newApp();
        String env = stage(1);
        assertThat(api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "Hello")).status())
                .isEqualTo(204);
        deploy(env, app, 1);
        JsonNode result = api.get(deployedPath(env, app.key())).json();
        assertThat(result.get("revisionDeployed").asInt()).isEqualTo(1);
        assertThat(result.get("revisionBaseline").asInt()).isEqualTo(1);
        assertThat(result.hasNonNull("deployedAt")).isTrue();
        JsonNode greeting = result.get("settings").get(0);
        assertThat(greeting.get("deployedValue").asString()).isEqualTo("Hello");
        assertThat(greeting.get("deployedValueOrigin").asString()).isEqualTo("EnvironmentLevelOverride");
        assertThat(greeting.get("valueSetAfterDeploy").asBoolean()).isFalse();
        JsonNode limit = result.get("settings").get(1);
        assertThat(limit.get("deployedValue").asString()).isEqualTo("5");
        assertThat(limit.get("deployedValueOrigin").asString()).isEqualTo("ApplicationLevelDefault");

        api.patch(patchPath(env, app.key()), settingsBody(1, app.greeting(), "Bonjour"));
        greeting = api.get(deployedPath(env, app.key())).json().get("settings").get(0);
        assertThat(greeting.get("value").asString()).isEqualTo("Bonjour");
        assertThat(greeting.get("deployedValue").asString()).isEqualTo("Hello");
        assertThat(greeting.get("valueSetAfterDeploy").asBoolean()).isTrue();
    }

    @Test
    void fieldsFilterKeepsOnlyTheAskedSectionsAndRefusesUnknownOnes() {
        TestApp app = newApp();
        JsonNode result = api.get(revisionPath(stage(0), app.key(), "1") + "?fields=timers&showBinaryValues=true")
                .json();
        assertThat(result.has("settings")).isFalse();
        assertThat(result.get("timers")).hasSize(1);
        JsonNode problem = api.get(revisionPath(stage(0), app.key(), "1") + "?fields=settings,secrets").problem(400);
        assertThat(problem.get("detail").asString()).contains("secrets");
        api.get(revisionPath(stage(0), app.key(), "1") + "?showBinaryValues=perhaps").problem(400);
    }

    @Test
    void revisionViewOfUnknownOrNonNumericRevisionIsAProblem() {
        TestApp app = newApp();
        api.get(revisionPath(stage(0), app.key(), "7")).problem(404);
        api.get(revisionPath(stage(0), app.key(), "latest")).problem(400);
        api.get(revisionPath(stage(0), UUID.randomUUID().toString(), "1")).problem(404);
    }

    @Test
    void viewNeedsViewPermissionOnThatStage() {
        TestApp app = newApp();
        Api editorOnly = clientWith(Map.of(Permission.EDIT_CONFIGURATIONS, Set.of(stage(0)),
                Permission.VIEW_CONFIGURATIONS, Set.of(stage(1))));
        editorOnly.get(revisionPath(stage(0), app.key(), "1")).problem(403);
        editorOnly.get(deployedPath(stage(0), app.key())).problem(403);
        assertThat(editorOnly.get(revisionPath(stage(1), app.key(), "1")).status()).isEqualTo(200);
    }
}
