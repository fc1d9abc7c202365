package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliClientsTest extends CliReadCommandsTest {

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
    void badGrantIsAUsageError() {
        assertThat(run(credentials(), "", "clients", "create", "--name", "x", "--grant", "AppDeploy"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("PERMISSION@STAGE");
    }
}
