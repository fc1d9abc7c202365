package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

class ConfigurationHistoryTest extends SectionsTestSupport {

    private static String applied(String op) {
        return "/api/stageport/v1/deployment-operations/" + op + "/configuration";
    }

    private static String restore(String env, String app) {
        return "/api/stageport/v1/environments/" + env + "/applications/" + app + "/configurations/restore";
    }

    private String patchGreeting(String env, SectionsApp app, int revision, String value) {
        Api.Response r = api.patch(patchPath(env, app.key()), settingsBody(revision, app.greeting(), value));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return value;
    }

    @Test
    void restoreBringsBackAnOlderOperationsValuesSoRedeployingItsBuildReusesThem() {
        SectionsApp app = newSectionsApp();
        String env = DemoData.DEVELOPMENT;
        patchGreeting(env, app, 1, "first");
        JsonNode first = deployOver(env, app, 1);
        assertThat(status(first)).isEqualTo("Finished");
        patchGreeting(env, app, 2, "second");
        assertThat(status(deployOver(env, app, 2))).isEqualTo("Finished");

        JsonNode snapshot = api.get(applied(first.get("key").asString())).json();
        assertThat(snapshot.get("revision").asInt()).isEqualTo(1);
        JsonNode greeting = byPath(snapshot, "settings/" + app.greeting());
        assertThat(greeting.get("value").asString()).isEqualTo("first");
        assertThat(greeting.get("origin").asString()).isEqualTo("EnvironmentLevelOverride");

        Api.Response r = api.post(restore(env, app.key()), "{\"operationKey\": \"" + first.get("key").asString()
                + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode pending = byKey(view(env, app.key(), "1").get("settings"), app.greeting());
        assertThat(pending.get("value").asString()).isEqualTo("first");
        assertThat(pending.get("deployedValue").asString()).isEqualTo("second");
        assertThat(pending.get("valueSetAfterDeploy").asBoolean()).isTrue();

        assertThat(status(deployOver(env, app, 1))).isEqualTo("Finished");
        JsonNode redeployed = byKey(view(env, app.key(), "1").get("settings"), app.greeting());
        assertThat(redeployed.get("deployedValue").asString()).isEqualTo("first");
        assertThat(redeployed.get("valueSetAfterDeploy").asBoolean()).isFalse();
    }

    @Test
    void applyConfigsWithAValueTheRunningRevisionRejectsFailsAndKeepsTheDeployedValues() {
        SectionsApp app = newSectionsApp();
        String env = DemoData.DEVELOPMENT;
        assertThat(status(deployOver(env, app, 1))).isEqualTo("Finished");
        // Timeout is Text in revision 2, so the value is accepted against that baseline, but revision 1 runs.
        Api.Response r = api.patch(patchPath(env, app.key()), """
                {"revisionBaseline": 2, "integrations": [{"key": "%s", "configs": [{"key": "Timeout", "value": "soon"}]}],
                 "settings": [{"key": "%s", "value": "changed"}]}""".formatted(app.payments(), app.greeting()));
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        JsonNode op = applyConfigs(env, app);
        assertThat(status(op)).isEqualTo("FinishedWithError");
        JsonNode after = view(env, app.key(), "1");
        assertThat(integrationConfig(after, app.payments(), "Timeout").get("deployedValue").asString()).isEqualTo("30");
        assertThat(byKey(after.get("settings"), app.greeting()).get("deployedValue").asString()).isEqualTo("Hi");
        assertThat(byKey(after.get("settings"), app.greeting()).get("valueSetAfterDeploy").asBoolean()).isTrue();
        // It applied nothing, so there is no configuration to show or restore.
        api.get(applied(op.get("key").asString())).problem(404);
        api.post(restore(env, app.key()), "{\"operationKey\": \"" + op.get("key").asString() + "\"}").problem(404);
    }

    @Test
    void restoreOfAnotherAppsOperationThen400() {
        SectionsApp app = newSectionsApp();
        SectionsApp other = newSectionsApp();
        JsonNode op = deployOver(DemoData.DEVELOPMENT, other, 1);
        api.post(restore(DemoData.DEVELOPMENT, app.key()), "{\"operationKey\": \"" + op.get("key").asString()
                + "\"}").problem(400);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void secretsNeverAppearInClearInTablesMessagesResponsesOrLogs(CapturedOutput output) {
        SectionsApp app = newSectionsApp();
        String env = DemoData.DEVELOPMENT;
        String secret = "s3cr3t-" + uuid();
        Api.Response r = api.patch(patchPath(env, app.key()), """
                {"revisionBaseline": 1, "integrations": [{"key": "%s", "configs": [{"key": "ApiKey", "value": "%s"}]}]}"""
                .formatted(app.payments(), secret));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode deploy = deployOver(env, app, 1);
        assertThat(status(deploy)).isEqualTo("Finished");
        String opKey = deploy.get("key").asString();
        assertThat(api.post(restore(env, app.key()), "{\"operationKey\": \"" + opKey + "\"}").status()).isEqualTo(204);
        assertThat(status(applyConfigs(env, app))).isEqualTo("Finished");

        JsonNode apiKey = integrationConfig(view(env, app.key(), "1"), app.payments(), "ApiKey");
        assertThat(apiKey.get("deployedValue").asString()).isEqualTo(ResultAssembler.MASK);
        assertThat(byPath(api.get(applied(opKey)).json(), "integrations/" + app.payments() + "/ApiKey")
                .get("value").asString()).isEqualTo(ResultAssembler.MASK);

        StringBuilder everything = new StringBuilder();
        everything.append(api.get(OPS + "/" + opKey + "/messages").body());
        everything.append(api.get(revisionPath(env, app.key(), "1")).body());
        everything.append(api.get(applied(opKey)).body());
        List<String> tables = jdbc.sql("select table_name from information_schema.tables "
                + "where lower(table_schema) = 'public' and upper(table_type) in ('TABLE', 'BASE TABLE')")
                .query(String.class).list();
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
                everything.append(row.values()).append('\n');
            }
        }
        assertThat(everything.toString()).contains("Payments").doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
    }

    private static JsonNode byPath(JsonNode applied, String path) {
        for (JsonNode item : applied.get("items")) {
            if (item.get("path").asString().equals(path)) {
                return item;
            }
        }
        throw new AssertionError("no item " + path + " in " + applied);
    }
}
