package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** stageport rollback against a real server. */
class CliRollbackTest extends CliReadCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode deployed(int revision) {
        assertThat(run(credentials(), "", "deploy", "--stage", "Development", "--asset", "Hello Settings",
                "--revision", String.valueOf(revision), "--wait", "--output", "json")).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void rollbackWithWaitDeploysTheRevisionThatRanBeforeAndExitsZero() {
        deployed(1);
        deployed(2);
        int code = run(credentials(), "", "rollback", "--stage", "Development", "--asset", "Hello Settings",
                "--wait", "--output", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode op = JSON.readTree(out.toString());
        assertThat(op.get("operation").asString()).isEqualTo("Deploy");
        assertThat(op.get("status").asString()).isEqualTo("Finished");
        assertThat(op.get("revisions").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void rollbackToANamedOperationStartsItAndAnUnknownOneIsRefusedInOneLine() {
        JsonNode first = deployed(1);
        deployed(2);
        assertThat(run(credentials(), "", "rollback", "--stage", "Development", "--asset", "Hello Settings",
                "--to", first.get("key").asString(), "--wait")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Deploy", "Finished");

        assertThat(run(credentials(), "", "rollback", "--stage", "Development", "--asset", "Hello Settings",
                "--to", UUID.randomUUID().toString())).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString()).contains("toOperationKey");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
