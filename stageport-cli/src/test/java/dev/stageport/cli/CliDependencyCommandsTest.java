package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stageport graph` and `stageport analyze` against a real server. */
class CliDependencyCommandsTest {

    @TempDir
    Path config;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("STAGEPORT_CONFIG_DIR", config.toString());
        env.put("STAGEPORT_URL", RunningServer.url());
        env.put("STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID);
        env.put("STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET);
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), env, Clock.systemUTC(), false));
    }

    @Test
    void graphPrintsATreeOrJson() {
        assertThat(run("graph", "Hello Settings", "--stage", "QA")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(CliReadCommandsTest.APP + " revision 2", "(no producers)");
        assertThat(run("graph", CliReadCommandsTest.APP, "--revision", "1", "--output", "json")).isZero();
        assertThat(out.toString().trim()).isEqualTo("[]");
    }

    @Test
    void analyzeReportsTheStatusAndNeedsAStage() {
        assertThat(run("analyze", "Hello Settings", "--stage", "QA")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Finished, NoIssuesFound");
        assertThat(run("analyze", "Hello Settings")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--stage");
        assertThat(run("analyze", "Hello Settings", "--stage", "QA", "--revision", "99"))
                .isNotEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("revision");
    }
}
