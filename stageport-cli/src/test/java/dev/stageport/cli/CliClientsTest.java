package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliClientsTest extends CliReadCommandsTest {

    private static final String QA = "d0000000-0000-4000-8000-000000000002";

    @Test
    void createShowsTheSecretOnceAndTheNewClientCanLogIn() {
        int code = run(credentials(), "", "clients", "create", "--name", "qa-pipeline", "--grant", "StageView@QA",
                "--grant", "AppDeploy@QA", "--output", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode created = JsonMapper.builder().build().readTree(out.toString());
        String id = created.get("clientId").asString();
        String secret = created.get("clientSecret").asString();
        assertThat(created.get("permissions")).hasSize(2);

        assertThat(run(Map.of("STAGEPORT_CLIENT_ID", id, "STAGEPORT_CLIENT_SECRET", secret), "", "stages")).isZero();
        assertThat(out.toString()).contains("QA").doesNotContain("d0000000-0000-4000-8000-000000000003");

        assertThat(run(credentials(), "", "clients", "suspend", id)).isZero();
        assertThat(out.toString()).contains("Suspended");
        assertThat(run(Map.of("STAGEPORT_CLIENT_ID", id, "STAGEPORT_CLIENT_SECRET", secret), "", "stages"))
                .isEqualTo(ExitCode.AUTH);
        assertThat(run(credentials(), "", "clients", "delete", id)).isZero();
        assertThat(run(credentials(), "", "clients", "show", id)).isEqualTo(ExitCode.REJECTED);
    }

    @Test
    void listAndShowNameTheStagesOfEachPermission() {
        assertThat(run(credentials(), "", "clients", "create", "--name", "qa-reader", "--grant", "StageView@QA",
                "--grant", "CfgView@*", "--output", "json")).as(err.toString()).isZero();
        String id = JsonMapper.builder().build().readTree(out.toString()).get("clientId").asString();

        assertThat(run(credentials(), "", "clients", "show", id)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("StageView@QA", "CfgView@*").doesNotContain(QA);
        assertThat(run(credentials(), "", "clients", "list")).isZero();
        assertThat(out.toString()).contains("StageView@QA").doesNotContain("StageView@" + QA);
        assertThat(run(credentials(), "", "clients", "show", id, "--output", "json")).isZero();
        assertThat(out.toString()).as("JSON keeps the keys").contains(QA);
    }

    @Test
    void aRefusedDeployNamesAStageTheClientMayViewAndOneItMayNotIsNotFoundOrNotPermitted() {
        Map<String, String> viewer = newClient("StageView@QA", "AssetOpen@QA");

        assertThat(run(viewer, "", "deploy", "--stage", "QA", "--asset", APP, "--revision", "1"))
                .isEqualTo(ExitCode.AUTH);
        assertThat(err.toString()).startsWith("stageport: HTTP 403: ").endsWith("lacks the permission 'Release "
                + "management > Deploy apps' on the stage 'QA' (" + QA + ")." + System.lineSeparator());

        assertThat(run(viewer, "", "deploy", "--stage", "Production", "--asset", APP, "--revision", "1"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: no stage named 'Production': not found or not permitted "
                + "(stages you may view: QA)" + System.lineSeparator());

        assertThat(run(viewer, "", "deploy", "--stage", CliOperationsTest.PRODUCTION, "--asset", APP, "--revision",
                "1")).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString()).contains("on the stage " + CliOperationsTest.PRODUCTION
                + " (not found or not permitted).").doesNotContain("'Production'");
        assertThat(err.toString().lines()).hasSize(1);
    }

    /** The environment of a new API client with these grants. */
    private Map<String, String> newClient(String... grants) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("clients", "create", "--name",
                "limited-" + java.util.UUID.randomUUID(), "--output", "json"));
        for (String grant : grants) {
            args.add("--grant");
            args.add(grant);
        }
        assertThat(run(credentials(), "", args.toArray(String[]::new))).as(err.toString()).isZero();
        JsonNode created = JsonMapper.builder().build().readTree(out.toString());
        return Map.of("STAGEPORT_CLIENT_ID", created.get("clientId").asString(),
                "STAGEPORT_CLIENT_SECRET", created.get("clientSecret").asString());
    }

    @Test
    void badGrantIsAUsageError() {
        assertThat(run(credentials(), "", "clients", "create", "--name", "x", "--grant", "AppDeploy"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("PERMISSION@STAGE");
    }
}
