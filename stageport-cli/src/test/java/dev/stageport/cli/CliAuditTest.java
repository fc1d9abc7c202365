package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliAuditTest extends CliReadCommandsTest {

    @Test
    void auditShowsTheClientCreatedJustNowButNotItsSecret() {
        assertThat(run(credentials(), "", "clients", "create", "--name", "audited", "--output", "json"))
                .as(err.toString()).isZero();
        JsonNode created = JsonMapper.builder().build().readTree(out.toString());
        String secret = created.get("clientSecret").asString();

        assertThat(run(credentials(), "", "audit", "--client", RunningServer.CLIENT_ID, "--status", "2xx",
                "--since", "10m", "--limit", "5")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("TIME").contains("POST", "201", "/api/stageport/v1/api-clients")
                .doesNotContain(secret);

        assertThat(run(credentials(), "", "audit", "--stage", "QA", "--asset", "Hello Settings", "--output", "json"))
                .as(err.toString()).isZero();
        assertThat(JsonMapper.builder().build().readTree(out.toString()).isArray()).isTrue();
    }

    @Test
    void badSinceIsAUsageErrorAndABadStatusIsRejectedByTheServer() {
        assertThat(run(credentials(), "", "audit", "--since", "yesterday")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--since");
        assertThat(run(credentials(), "", "audit", "--status", "4x")).isEqualTo(ExitCode.REJECTED);
    }
}
