package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `stageport upload` and `stageport build` against a real server: stdout, stderr and exit codes. */
class CliUploadBuildTest {

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("STAGEPORT_CONFIG_DIR", dir.resolve("config").toString());
        env.put("STAGEPORT_URL", RunningServer.url());
        env.put("STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID);
        env.put("STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET);
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), env, Clock.systemUTC(), false));
    }

    @Test
    void uploadCreatesARevisionWithTagAndNotesAndPrintsIt() throws Exception {
        UUID key = UUID.randomUUID();
        Path bundle = bundle(key, "Cli Uploaded");

        assertThat(run("upload", bundle.toString(), "--tag", "1.0.0", "--notes", "First release")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Cli Uploaded", key.toString(), "1.0.0");
        assertThat(err.toString()).isEmpty();

        assertThat(run("upload", bundle.toString(), "--output", "json")).isZero();
        JsonNode second = JsonMapper.builder().build().readTree(out.toString());
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(run("revisions", key.toString())).isZero();
        assertThat(out.toString()).contains("1.0.0");
    }

    @Test
    void uploadRefusalsAreOneLineOnStderrWithTheirExitCode() throws Exception {
        assertThat(run("upload", dir.resolve("missing.zip").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no such file");

        Path bundle = bundle(UUID.randomUUID(), "Cli Twice");
        assertThat(run("upload", bundle.toString(), "--notes", "no tag")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--tag");

        assertThat(run("upload", bundle.toString(), "--tag", "not-a-version")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("tag");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void buildWithWaitEndsWithTheFinishedBuild() {
        assertThat(run("build", "Hello Settings", "--revision", "1", "--type", "Debug", "--wait",
                "--poll-fast", "100ms")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Finished", "Debug");
    }

    @Test
    void buildWithoutWaitPrintsTheBuildKeyOnly() {
        assertThat(run("build", "Hello Settings", "--revision", "2")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).matches("[0-9a-f-]{36}");
    }

    @Test
    void buildOfARevisionThatDoesNotExistIsRefused() {
        assertThat(run("build", "Hello Settings", "--revision", "99")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("99");
        assertThat(run("build", "Hello Settings", "--revision", "1", "--type", "Nightly")).isEqualTo(ExitCode.USAGE);
        assertThat(run("build", "Hello Settings")).isEqualTo(ExitCode.USAGE);
    }

    private Path bundle(UUID key, String name) throws Exception {
        return bundle(dir, key, name);
    }

    /** A minimal app bundle of its own asset, for tests that must not share an asset with others. */
    static Path bundle(Path dir, UUID key, String name) throws Exception {
        String manifest = """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "WebApplication",
                 "configuration": {"settings": [{"key": "Greeting", "dataType": "Text", "defaultValue": "Hi"}]},
                 "run": {"command": ["sh", "app/run.sh"], "portVariable": "PORT", "healthPath": "/health"}}
                """.formatted(key, name);
        Path zip = dir.resolve(key + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("app/run.sh"));
            out.write("echo hello".getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }
}
