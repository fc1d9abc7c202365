package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** status, config unset and the Production guard of undeploy, against a real server. */
class CliStatusTest extends CliReadCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void deployed(String stage) {
        assertThat(run(credentials(), "", "deploy", "--stage", stage, "--asset", APP, "--revision", "1", "--wait"))
                .as(err.toString()).isZero();
    }

    private JsonNode statusOf(String stage) {
        assertThat(run(credentials(), "", "status", "--stage", stage, "--output", "json")).as(err.toString()).isZero();
        for (JsonNode cell : JSON.readTree(out.toString())) {
            if (cell.get("assetKey").asString().equals(APP)) {
                return cell;
            }
        }
        return null;
    }

    @Test
    void statusShowsEachStageAndAssetWithRevisionTagAndTheLastOperation() {
        deployed("QA");
        assertThat(run(credentials(), "", "status")).as(err.toString()).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .matches("STAGE +ASSET +REVISION +TAG +LAST OPERATION +STATUS +AT +URL");
        assertThat(out.toString()).containsPattern("(?m)^QA +Hello Settings +1 .*Deploy +Finished +\\d{4}-");

        JsonNode cell = statusOf("QA");
        assertThat(cell.get("stage").asString()).isEqualTo("QA");
        assertThat(cell.get("revision").asInt()).isEqualTo(1);
        assertThat(cell.has("tag")).isTrue();
        assertThat(cell.get("url").isNull()).as("a simulated stage serves nothing").isTrue();
        assertThat(cell.get("lastOperation").get("operation").asString()).isEqualTo("Deploy");
        assertThat(cell.get("lastOperation").get("status").asString()).isEqualTo("Finished");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void undeployFromProductionWithoutATerminalExitsTwoSayingToPassYesAndLeavesTheAppRunning() {
        deployed("Production");
        int code = run(credentials(), "", "undeploy", "--stage", "Production", "--asset", "Hello Settings");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("stageport: 'Production' is a Production stage: pass --yes to "
                + "undeploy Hello Settings from it without a terminal to confirm on");
        assertThat(statusOf("Production")).as("still deployed").isNotNull();
    }

    @Test
    void undeployFromProductionOnATerminalAsksAndAnythingButYesUndeploysNothing() {
        deployed("Production");
        terminal = true;
        int code = run(credentials(), "no\n", "undeploy", "--stage", "Production", "--asset", "Hello Settings");
        terminal = false;
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Undeploy Hello Settings from the Production stage 'Production'? "
                + "Type yes to confirm: ").contains("stageport: not confirmed; nothing was undeployed");
        assertThat(statusOf("Production")).as("still deployed").isNotNull();
    }

    @Test
    void undeployFromProductionWithYesRemovesTheAppAndAQaUndeployNeverAsks() {
        deployed("Production");
        deployed("QA");
        try {
            assertThat(run(credentials(), "", "undeploy", "--stage", "Production", "--asset", APP, "--yes",
                    "--wait")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Undeploy", "Finished");
            assertThat(statusOf("Production")).as("gone from Production").isNull();
            assertThat(run(credentials(), "", "undeploy", "--stage", "QA", "--asset", APP, "--wait"))
                    .as(err.toString()).isZero();
            assertThat(statusOf("QA")).as("gone from QA").isNull();
        } finally {
            deployed("Production");
            deployed("QA");
        }
    }

    @Test
    void configUnsetRemovesTheStageValueSoTheDefaultShowsAgain() {
        assertThat(run(credentials(), "", "config", "set", "--stage", "Development", "--asset", "Hello Settings",
                "--set", "MaxItems=987")).as(err.toString()).isZero();
        assertThat(run(credentials(), "", "config", "unset", "MaxItems", "--stage", "Development", "--asset",
                "Hello Settings")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("Unset MaxItems for Hello Settings in Development; "
                + "the defaults apply from the next Deploy or ApplyConfigs.");
        assertThat(run(credentials(), "", "config", "get", "--stage", "Development", "--asset", "Hello Settings"))
                .isZero();
        assertThat(out.toString()).doesNotContain("987");

        assertThat(run(credentials(), "", "config", "unset", "MaxItems", "--stage", "Development", "--asset",
                "Hello Settings")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("its default applies already");
        assertThat(run(credentials(), "", "config", "unset", "Colour", "--stage", "Development", "--asset",
                "Hello Settings")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no setting named 'Colour'");
    }
}
