package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CliInstanceTest extends CliReadCommandsTest {

    @Test
    void instanceShowsTheStateAndDriverOfAnAssetInAStage() {
        assertThat(run(credentials(), "", "instance", "Hello Settings", "--stage", "QA")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("STATE").contains("simulated");
        assertThat(run(credentials(), "", "instance", "Hello Settings", "--stage", "QA", "--output", "json"))
                .as(err.toString()).isZero();
        assertThat(JsonMapper.builder().build().readTree(out.toString()).get("driver").asString())
                .isEqualTo("simulated");
    }

    @Test
    void instanceWithABadLogCountOrUnknownStageIsAUsageError() {
        assertThat(run(credentials(), "", "instance", "Hello Settings", "--stage", "QA", "--logs", "-1"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run(credentials(), "", "instance", "Hello Settings", "--stage", "Nowhere"))
                .isEqualTo(ExitCode.USAGE);
    }
}
