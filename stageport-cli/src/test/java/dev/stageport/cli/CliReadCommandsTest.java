package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI against a real server: stdout, stderr and exit codes as a user sees them. */
class CliReadCommandsTest {

    static final String APP = "a0000000-0000-4000-8000-000000000001";

    @TempDir
    Path config;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    /** Whether the CLI believes it runs on a terminal (it may then ask questions on stdin). */
    boolean terminal;

    int run(Map<String, String> env, String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> all = new HashMap<>(env);
        all.put("STAGEPORT_CONFIG_DIR", config.toString());
        all.putIfAbsent("STAGEPORT_URL", RunningServer.url());
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), all, Clock.systemUTC(), terminal));
    }

    Map<String, String> credentials() {
        return Map.of("STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID,
                "STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET);
    }

    @Test
    void loginReadsTheSecretFromStdinAndCachesTheTokenForTheOwnerOnly() throws Exception {
        int code = run(Map.of(), RunningServer.CLIENT_SECRET + "\n", "login", "--client-id", RunningServer.CLIENT_ID);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Logged in to");
        Path session = config.resolve("session.json");
        assertThat(Files.getPosixFilePermissions(session))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(session)).doesNotContain(RunningServer.CLIENT_SECRET);

        assertThat(run(Map.of(), "", "stages")).isZero();
        assertThat(out.toString()).contains("Development", "QA", "Production");
    }

    @Test
    void loginWithAWrongSecretIsAnAuthError() {
        int code = run(Map.of(), "wrong\n", "login", "--client-id", RunningServer.CLIENT_ID);
        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void stagesAsJsonPrintOnlyJson() {
        assertThat(run(credentials(), "", "stages", "--output", "json")).isZero();
        JsonNode stages = JsonMapper.builder().build().readTree(out.toString());
        assertThat(stages).hasSize(3);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void revisionsAndBuildsOfTheDemoAppByName() {
        assertThat(run(credentials(), "", "revisions", "Hello Settings")).as(err.toString()).isZero();
        assertThat(out.toString().lines().skip(1).toList()).hasSize(2);
        assertThat(run(credentials(), "", "builds", "Hello Settings", "--revision", "2", "--type", "Release"))
                .isZero();
        assertThat(out.toString()).contains("b0000000-0000-4000-8000-000000000002").contains("Finished");
    }

    @Test
    void unknownAssetNameIsAUsageErrorAndUnknownKeyIsRejected() {
        assertThat(run(credentials(), "", "revisions", "No Such App")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no asset named 'No Such App'");
        assertThat(run(credentials(), "", "revisions", "a0000000-0000-4000-8000-00000000ffff"))
                .isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString()).contains("404");
    }
}
