package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deploying, configuring and promoting through the CLI against a real server. */
class CliOperationsTest extends CliReadCommandsTest {

    static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void deployWithWaitFollowsTheOperationToFinishedAndExitsZero() {
        int code = run(credentials(), "", "deploy", "--stage", "Production", "--asset", "Hello Settings",
                "--revision", "1", "--wait");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Deploy", "Finished");
        assertThat(err.toString()).as("CI log lines are timestamped").containsPattern("\\d{2}:\\d{2}:\\d{2} .*Record");
    }

    @Test
    void deployWithWaitByPollingAlsoWorks() {
        int code = run(credentials(), "", "deploy", "--stage", "QA", "--asset", APP, "--revision", "1", "--wait",
                "--no-push", "--poll-fast", "100ms", "--output", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode op = JSON.readTree(out.toString());
        assertThat(op.get("status").asString()).isEqualTo("Finished");
        assertThat(err.toString()).as("json mode prints nothing else").isEmpty();
    }

    @Test
    void publishWithWaitBuildsIfNeededDeploysAndFollowsThePublishToFinished() {
        int code = run(credentials(), "", "publish", "--stage", "Development", "--asset", "Hello Settings",
                "--revision", "2", "--wait");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Publish", "Finished").doesNotContain("FinishedWithError");
        assertThat(out.toString().lines().toList()).as("the table names the stage and the asset, not their keys")
                .first().asString().containsPattern("STATUS +STAGE +ASSET");
        assertThat(out.toString()).contains("Development", "Hello Settings").doesNotContain(APP);
        assertThat(err.toString()).as("the publish's messages include its deployment's steps").contains("Activate");
    }

    @Test
    void configSetThenGetShowsThePendingValueAndSecretsNeverInClear() {
        Map<String, String> env = new HashMap<>(credentials());
        env.put("PAYMENT_KEY", "sk-live-very-secret");
        int code = run(env, "", "config", "set", "--stage", "QA", "--asset", "Hello Settings", "--revision", "2",
                "--set", "GreetingText=Hi from the CLI", "--set", "NightlyCleanup.IsActive=False",
                "--secret-env", "PaymentApiKey=PAYMENT_KEY");
        assertThat(code).as(err.toString()).isZero();
        assertThat(run(credentials(), "", "config", "get", "--stage", "QA", "--asset", "Hello Settings",
                "--revision", "2")).isZero();
        assertThat(out.toString()).contains("Hi from the CLI", "pending").doesNotContain("sk-live-very-secret");
    }

    @Test
    void configSetWithAnUnknownNameIsAUsageErrorAndABadValueIsRejected() {
        assertThat(run(credentials(), "", "config", "set", "--stage", "QA", "--asset", "Hello Settings",
                "--set", "Colour=blue")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no setting named 'Colour'");
        assertThat(run(credentials(), "", "config", "set", "--stage", "QA", "--asset", "Hello Settings",
                "--set", "MaxItems=lots")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void aFailedDeploymentExitsOneAndATimeoutExitsThree() throws Exception {
        JsonNode failed;
        // Make HealthCheck fail for the demo app in Production, through the simulation API.
        var client = new dev.stageport.client.OdcClient(RunningServer.url(), RunningServer.CLIENT_ID,
                RunningServer.CLIENT_SECRET);
        client.put("/api/stageport/v1/environments/" + PRODUCTION + "/assets/" + APP + "/simulation",
                Map.of("stepMillis", 10, "failStep", "HealthCheck", "failMessage", "health check failed"));
        try {
            assertThat(run(credentials(), "", "deploy", "--stage", "Production", "--asset", APP, "--revision", "2",
                    "--wait")).isEqualTo(ExitCode.OPERATION_FAILED);
            assertThat(out.toString()).contains("FinishedWithError");
            stepMillis(client, 2000);
            assertThat(run(credentials(), "", "deploy", "--stage", "Production", "--asset", APP, "--revision", "2",
                    "--wait", "--timeout", "1s")).isEqualTo(ExitCode.TIMEOUT);
            assertThat(err.toString()).contains("timeout");
        } finally {
            stepMillis(client, 10);
            waitForIdle(client);
        }
    }

    @Test
    void promoteRunsTheStagesInOrderAndStopsAtTheFirstFailure() throws Exception {
        Path pipeline = config.resolve("pipeline.yaml");
        Files.writeString(pipeline, """
                asset: Hello Settings
                revision: latest
                stages:
                  - stage: Development
                    set:
                      GreetingText: Hello Dev
                  - stage: QA
                    set:
                      GreetingText: Hello QA
                  - stage: Production
                    set:
                      GreetingText: Hello
                      NightlyCleanup.IsActive: "False"
                    secretsFromEnv:
                      PaymentApiKey: PROD_PAYMENT_KEY
                """);
        Map<String, String> env = new HashMap<>(credentials());
        env.put("PROD_PAYMENT_KEY", "sk-prod-123");
        int code = run(env, "", "promote", pipeline.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("== Development", "== QA", "== Production", "Finished")
                .doesNotContain("FinishedWithError");
        assertThat(run(credentials(), "", "config", "get", "--stage", "Production", "--asset", "Hello Settings"))
                .isZero();
        assertThat(out.toString()).contains("Hello ").doesNotContain("sk-prod-123");

        Files.writeString(pipeline, "asset: Hello Settings\nstages: []\n");
        assertThat(run(credentials(), "", "promote", pipeline.toString())).isEqualTo(ExitCode.USAGE);
        Files.writeString(pipeline, "asset: Hello Settings\nstages:\n  - stage: Moon\n");
        assertThat(run(credentials(), "", "promote", pipeline.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no stage named 'Moon'");
    }

    @Test
    void promoteChecksTheWholeFileFirstAndListsEveryProblemAtItsLineAndColumnWithoutDeploying() throws Exception {
        Path pipeline = config.resolve("typos.yaml");
        Files.writeString(pipeline, """
                asset: Hello Settings
                revision: latest
                stages:
                  - stage: QA
                    set:
                      GreetingText: Hello QA
                      MaxItems: lots
                      Colour: blue
                  - stage: Prodution
                    sett:
                      GreetingText: Hi
                """);
        int before = operations("QA");

        assertThat(run(credentials(), "", "promote", pipeline.toString())).isEqualTo(ExitCode.USAGE);

        var lines = err.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("stageport: " + pipeline
                + ":10:5: unknown field 'sett' (expected secretsFromEnv, set, stage)");
        assertThat(lines.get(1)).isEqualTo("stageport: " + pipeline + ":7:7: 'MaxItems' expects an Integer (a number)");
        assertThat(lines.get(2)).startsWith("stageport: " + pipeline + ":8:7: no setting named 'Colour' in this "
                + "revision (settings: ").contains("GreetingText", "MaxItems");
        assertThat(lines.get(3)).startsWith("stageport: " + pipeline + ":9:5: no stage named 'Prodution'");
        assertThat(lines.get(4)).isEqualTo("stageport: 4 problems in " + pipeline + "; nothing was deployed");
        assertThat(out.toString()).isEmpty();
        assertThat(operations("QA")).as("QA was not touched").isEqualTo(before);
    }

    @Test
    void promoteDryRunPrintsThePlanAndStartsNothing() throws Exception {
        Path pipeline = config.resolve("plan.yaml");
        Files.writeString(pipeline, """
                asset: Hello Settings
                revision: 1
                stages:
                  - stage: QA
                    set:
                      GreetingText: Hello QA
                    secretsFromEnv:
                      PaymentApiKey: QA_KEY
                """);
        Map<String, String> env = new HashMap<>(credentials());
        env.put("QA_KEY", "sk-qa-1");
        int before = operations("QA");

        assertThat(run(env, "", "promote", pipeline.toString(), "--dry-run")).as(err.toString()).isZero();

        assertThat(out.toString()).startsWith("Plan: promote Hello Settings revision 1 (build ")
                .contains("== QA: set GreetingText = Hello QA, set secret PaymentApiKey from the environment, deploy")
                .doesNotContain("sk-qa-1");
        assertThat(operations("QA")).isEqualTo(before);
        Files.writeString(pipeline, "asset: Hello Settings\nrevision: 99\n");
        assertThat(run(env, "", "promote", pipeline.toString(), "--dry-run")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(pipeline + ":2:1: the asset has no revision 99");
    }

    private int operations(String stage) {
        assertThat(run(credentials(), "", "ops", "list", "--stage", stage, "--limit", "100", "--output", "json"))
                .as(err.toString()).isZero();
        return JSON.readTree(out.toString()).size();
    }

    @Test
    void opsListShowsRecentOperationsWithTheNameOfTheirStage() {
        assertThat(run(credentials(), "", "deploy", "--stage", "QA", "--asset", APP, "--revision", "1", "--wait",
                "--output", "json")).as(err.toString()).isZero();
        String newest = JSON.readTree(out.toString()).get("key").asString();

        assertThat(run(credentials(), "", "ops", "list", "--limit", "5")).as(err.toString()).isZero();
        var lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("KEY +OPERATION +STATUS +STAGE +ASSET +REVISIONS +STARTED +FINISHED");
        assertThat(lines.get(1)).startsWith(newest).containsPattern("Finished +QA +Hello Settings +1 ");
        assertThat(lines).hasSizeBetween(2, 6);
    }

    @Test
    void anUnknownTagExitsWithTheSameUsageCodeAsAnUnknownRevision() {
        assertThat(run(credentials(), "", "deploy", "--stage", "QA", "--asset", APP, "--tag", "9.9.9"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: the asset has no revision tagged '9.9.9'"
                + System.lineSeparator());
        assertThat(run(credentials(), "", "deploy", "--stage", "QA", "--asset", APP, "--revision", "99"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: the asset has no revision 99" + System.lineSeparator());
    }

    @Test
    void opsCancelStopsARunningDeployWhichThenEndsWithErrorNamingWhoAndWhy() throws Exception {
        var client = new dev.stageport.client.OdcClient(RunningServer.url(), RunningServer.CLIENT_ID,
                RunningServer.CLIENT_SECRET);
        stepMillis(client, 30000);
        try {
            assertThat(run(credentials(), "", "deploy", "--stage", "Production", "--asset", APP, "--revision", "1",
                    "--output", "json")).as(err.toString()).isZero();
            String key = JSON.readTree(out.toString()).get("key").asString();
            assertThat(run(credentials(), "", "ops", "cancel", key, "--reason", "wrong build")).as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("Cancel requested", key);
            assertThat(run(credentials(), "", "ops", "wait", key)).isEqualTo(ExitCode.OPERATION_FAILED);
            assertThat(out.toString() + err).contains("FinishedWithError");
            assertThat(client.get("/api/deployments/v1/deployment-operations/" + key + "/messages").toString())
                    .contains("Cancelled by " + RunningServer.CLIENT_ID + ": wrong build");
            assertThat(run(credentials(), "", "ops", "cancel", key, "--reason", "again")).isNotZero();
            assertThat(err.toString()).contains("nothing to cancel");
            assertThat(run(credentials(), "", "ops", "cancel", key)).isEqualTo(ExitCode.USAGE);
        } finally {
            stepMillis(client, 10);
            waitForIdle(client);
        }
    }

    /** How long each simulated step of the demo app takes in Production. */
    private static void stepMillis(dev.stageport.client.OdcClient client, int millis) {
        client.put("/api/stageport/v1/environments/" + PRODUCTION + "/assets/" + APP + "/simulation",
                Map.of("stepMillis", millis));
    }

    private static void waitForIdle(dev.stageport.client.OdcClient client) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode running = client.get("/api/deployments/v1/deployment-operations?status=Running&environmentKey="
                    + PRODUCTION).path("results");
            if (running.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
