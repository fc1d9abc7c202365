package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StageportCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StageportCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("stages");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("stages", "--colour")).isEqualTo(StageportCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--colour");
    }

    @Test
    void unreachableServerIsOneLineOnStderr() {
        int code = run("stages", "--url", "http://127.0.0.1:1", "--client-id", "x");
        // Without STAGEPORT_CLIENT_SECRET in the environment this is a usage error; with it, the server is unreachable.
        assertThat(code).isIn(StageportCli.EXIT_USAGE, StageportCli.EXIT_SERVER);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("stageport: ");
    }
}
