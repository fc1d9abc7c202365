package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged server started the way an operator starts it, with one mistake each
 * time: it must exit non-zero with exactly one line on stderr that names the problem,
 * no stack trace anywhere, and (where the check comes first) nothing created.
 */
class StartupErrorsIT {

    private final Path work = Path.of("target", "it", "startup-" + UUID.randomUUID()).toAbsolutePath();

    record Exit(int code, String stdout, String stderr) {
        String line() {
            List<String> lines = stderr.strip().lines().toList();
            assertThat(lines).as("stderr is one line; stdout was:\n" + stdout).hasSize(1);
            assertThat(lines.get(0)).startsWith("stageport: ");
            assertThat(stdout + stderr).as("no stack trace").doesNotContain("\tat ", "Exception in thread",
                    "APPLICATION FAILED TO START");
            assertThat(code).as("exit code").isNotZero();
            return lines.get(0);
        }
    }

    @Test
    void aMasterKeyThatIsNotBase64IsOneLineAndCreatesNothing() throws Exception {
        Path data = work.resolve("bad-key-data");
        String line = start(Map.of("STAGEPORT_DATA_DIR", data.toString(), "STAGEPORT_MASTER_KEY", "not base64!"))
                .line();
        assertThat(line).contains("STAGEPORT_MASTER_KEY", "not valid base64");
        assertThat(data).doesNotExist();
    }

    @Test
    void aMasterKeyOfTheWrongLengthSaysHowLongItIs() throws Exception {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThat(start(Map.of("STAGEPORT_MASTER_KEY", sixteen)).line()).contains("16 bytes long", "32");
    }

    @Test
    void aMasterKeyOtherThanTheOneThatSealedTheDatabaseIsNamedAsSuch() throws Exception {
        try (ServerProcess first = ServerProcess.start("sealed", work, Map.of("STAGEPORT_MASTER_KEY", key(),
                "STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated"))) {
            assertThat(first.url()).isNotEmpty();
        }
        String line = start(Map.of("STAGEPORT_DATA_DIR", work.resolve("sealed-data").toString(),
                "STAGEPORT_MASTER_KEY", key())).line();
        assertThat(line).contains("is not the key this database's secrets were sealed with");
    }

    @Test
    void aDataDirectoryBelowAFileCannotBeUsed() throws Exception {
        Files.createDirectories(work);
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");
        String line = start(Map.of("STAGEPORT_DATA_DIR", file.resolve("data").toString())).line();
        assertThat(line).contains("the data directory " + file.resolve("data"), "cannot be used");
    }

    @Test
    void aDataDirectoryWithoutRoomIsRefusedWithTheFreeSpace() throws Exception {
        String line = start(Map.of("STAGEPORT_DATA_DIR_MIN_FREE", "100000TB")).line();
        assertThat(line).contains("MB free", "STAGEPORT_DATA_DIR_MIN_FREE");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithItsUrl() throws Exception {
        int nobody = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + nobody + "/stageport";
        String line = start(Map.of("STAGEPORT_DB_URL", url, "STAGEPORT_DB_USER", "stageport")).line();
        assertThat(line).contains("cannot connect to the database at STAGEPORT_DB_URL=" + url);
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String line = start(Map.of("STAGEPORT_PORT", Integer.toString(taken.getLocalPort()))).line();
            assertThat(line).contains("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void anInvalidSettingValueNamesTheVariableAndTheValue() throws Exception {
        assertThat(start(Map.of("STAGEPORT_BUNDLE_MAX_SIZE", "lots")).line())
                .contains("STAGEPORT_BUNDLE_MAX_SIZE", "'lots'");
        assertThat(start(Map.of("STAGEPORT_PORT", "eighty")).line()).contains("STAGEPORT_PORT", "'eighty'");
    }

    @Test
    void aSeedWithAKeyGivenTwiceStopsTheStartNamingTheFileTheLineAndTheField() throws Exception {
        Files.createDirectories(work);
        Path seed = Files.writeString(work.resolve("twice.yaml"), """
                stages:
                  - {key: 7e000000-0000-4000-8000-000000000001, name: QA}
                  - {key: 7e000000-0000-4000-8000-000000000001, name: Production}
                """);
        String line = start(Map.of("STAGEPORT_EMULATOR", "on", "STAGEPORT_SEED", seed.toString())).line();
        assertThat(line).contains(seed.toString(), "line 3", "stages[1].key", "given twice");
    }

    @Test
    void aSeedThatNamesAStageTheSeedLacksStopsTheStartOnItsLine() throws Exception {
        Files.createDirectories(work);
        Path seed = Files.writeString(work.resolve("client.yaml"), """
                stages:
                  - {key: 7e000000-0000-4000-8000-000000000001, name: QA}
                clients:
                  - id: ci
                    secret: ci-secret-0123456789
                    permissions:
                      - {permission: AppDeploy, stages: [7e000000-0000-4000-8000-000000000009]}
                """);
        String line = start(Map.of("STAGEPORT_EMULATOR", "on", "STAGEPORT_SEED", seed.toString())).line();
        assertThat(line).contains(seed.toString(), "line 7", "clients[0].permissions[0].stages",
                "not a stage of the seed");
    }

    private Exit start(Map<String, String> settings) throws Exception {
        Path jar = Path.of(System.getProperty("stageport.server.jar",
                "../stageport-server/target/stageport-server-exec.jar"));
        Files.createDirectories(work);
        String run = UUID.randomUUID().toString();
        Path out = work.resolve(run + ".out");
        Path err = work.resolve(run + ".err");
        Map<String, String> env = new HashMap<>();
        env.put("STAGEPORT_PORT", "0");
        env.put("STAGEPORT_DATA_DIR", work.resolve(run + "-data").toString());
        env.putAll(settings);
        ProcessBuilder builder = ServerProcess.java(jar, "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("STAGEPORT_DEBUG");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The server did not exit; it should have refused to start:\n"
                    + Files.readString(out));
        }
        return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
