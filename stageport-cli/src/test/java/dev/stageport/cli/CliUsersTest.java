package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliUsersTest extends CliReadCommandsTest {

    @Test
    void createShowsAGeneratedPasswordOnceThenSuspendAndDelete() {
        String name = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        int code = run(credentials(), "", "users", "create", "--username", name, "--name", "Ana",
                "--grant", "StageView@QA", "--grant", "AppDeploy@QA", "--output", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode created = JsonMapper.builder().build().readTree(out.toString());
        assertThat(created.get("password").asString()).hasSizeGreaterThan(20);
        assertThat(created.get("permissions")).hasSize(2);

        assertThat(run(credentials(), "", "users", "show", name)).isZero();
        assertThat(out.toString()).contains(name, "Active", "StageView@").doesNotContain("password:");
        assertThat(run(credentials(), "new-password-0123456789\n", "users", "password", name)).isZero();
        assertThat(run(credentials(), "", "users", "suspend", name)).isZero();
        assertThat(out.toString()).contains("Suspended");
        assertThat(run(credentials(), "", "users", "delete", name)).isZero();
        assertThat(run(credentials(), "", "users", "show", name)).isEqualTo(ExitCode.REJECTED);
    }

    @Test
    void aShortPasswordIsRefusedNamingTheRule() {
        assertThat(run(credentials(), "short\n", "users", "password", "admin")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString()).contains("12 to 72 characters");
    }
}
