package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline's `stageport deploy --wait` outlives a crash of the server: the server is
 * SIGKILLed while the Deploy runs, started again on the same port and data folder, resumes
 * the operation, and the waiting CLI says once that it lost the server and once that it
 * reached it again, then exits 0 when the Deploy finishes.
 */
class CliWaitSurvivesRestartIT {

    private static final String QA = ReplicasIT.QA;
    private static final String APP = ReplicasIT.APP;
    private static final Path WORK = Path.of("target", "it", "cli-wait-" + UUID.randomUUID());

    @Test
    void deployWaitExitsZeroAfterTheServerIsKilledAndStartedAgainMidDeploy() throws Exception {
        Map<String, String> env = Map.of("STAGEPORT_PORT", Integer.toString(freePort()),
                "STAGEPORT_ENGINE_LEASE", "3s", "STAGEPORT_DEMO_STEP_DURATION", "50ms",
                "STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated");
        Process cli;
        String operation;
        try (ServerProcess first = ServerProcess.start("cli-wait", WORK, env)) {
            Odc odc = odc(first);
            odc.client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                    Map.of("stepMillis", 15000));
            cli = startCli(first.url());
            operation = awaitRunningOn(odc, QA);
            // a step's message is written when it ends: after this one, Provision sleeps its 15 s
            awaitMessageOf(odc, operation, "ResolveConfiguration");
            first.kill();
        }
        try (ServerProcess second = ServerProcess.start("cli-wait", WORK, env)) {
            odc(second).client().put("/api/stageport/v1/environments/" + QA + "/assets/" + APP + "/simulation",
                    Map.of("stepMillis", 10));
            assertThat(cli.waitFor(240, TimeUnit.SECONDS)).as("the CLI ended").isTrue();
            String stderr = Files.readString(WORK.resolve("cli.err"));
            assertThat(cli.exitValue()).as("stderr: %s", stderr).isZero();
            assertThat(stderr).contains("stageport: lost the server")
                    .contains("stageport: reached the server again; still waiting for " + operation);
            assertThat(odc(second).operation(operation).status()).isEqualTo("Finished");
        } finally {
            cli.destroyForcibly();
        }
    }

    private static Process startCli(String url) throws Exception {
        Path jar = Path.of(System.getProperty("stageport.cli.jar", "../stageport-cli/target/stageport-cli.jar"));
        assertThat(jar).as("package the CLI first (./mvnw verify does)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--url", url, "--timeout", "240s",
                "deploy", "--stage", "QA", "--asset", "Hello Settings", "--revision", "2", "--wait")
                .redirectOutput(WORK.resolve("cli.out").toFile())
                .redirectError(WORK.resolve("cli.err").toFile());
        builder.environment().put("STAGEPORT_CLIENT_ID", ServerProcess.CLIENT_ID);
        builder.environment().put("STAGEPORT_CLIENT_SECRET", ServerProcess.CLIENT_SECRET);
        builder.environment().put("HOME", WORK.toAbsolutePath().toString());
        return builder.start();
    }

    private static String awaitRunningOn(Odc odc, String stage) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode running = odc.client().get("/api/deployments/v1/deployment-operations?environmentKey=" + stage
                    + "&status=Running").path("results");
            if (!running.isEmpty()) {
                return running.get(0).get("key").asString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the CLI's Deploy never started on " + stage);
    }

    private static void awaitMessageOf(Odc odc, String operation, String step) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode m : odc.client().get("/api/deployments/v1/deployment-operations/" + operation
                    + "/messages").path("results")) {
                if (step.equals(m.path("additionalInfo").path("stepId").asString(""))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("operation " + operation + " never reached " + step);
    }

    private static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
