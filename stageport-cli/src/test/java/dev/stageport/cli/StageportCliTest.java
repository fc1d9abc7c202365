package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI without a server: help, usage errors, unreachable servers. */
class StageportCliTest {

    @TempDir
    Path config;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("STAGEPORT_CONFIG_DIR", config.toString());
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), all, Clock.systemUTC(), false));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("login", "stages", "deploy", "promote", "config", "ops");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        assertThat(run(Map.of(), "stages", "--colour")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("stageport: ").contains("--colour");
    }

    @Test
    void withoutCredentialsCommandsAskForLogin() {
        assertThat(run(Map.of(), "stages", "--url", "http://127.0.0.1:1")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("stageport login");
    }

    @Test
    void unreachableServerIsAServerErrorOnOneLine() {
        int code = run(Map.of("STAGEPORT_CLIENT_ID", "x", "STAGEPORT_CLIENT_SECRET", "y"), "stages", "--url",
                "http://127.0.0.1:1");
        assertThat(code).isEqualTo(ExitCode.SERVER);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("stageport: cannot reach http://127.0.0.1:1");
    }

    @Test
    void badDurationIsAUsageError() {
        assertThat(run(Map.of(), "ops", "wait", "k", "--timeout", "soon")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("soon");
    }
}
