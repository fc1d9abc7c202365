package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.model.DeploymentOperation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged server started from the bean definitions its build generated (Spring AOT; with
 * spring.aot.enabled=true a jar without them refuses to start) serves the demo as a usual start
 * does, and a setting that needs beans the build left out (the emulator) starts it the usual way.
 */
class AheadOfTimeStartIT {

    private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");
    private static final String FALLBACK = "Starting without the build's ahead-of-time bean definitions";
    /** startup/StartupPhases' line, which bench/run reads. */
    private static final String PHASES = "Start-up phases: context \\d+ ms \\(database open \\d+ ms, schema \\d+ ms\\), "
            + "application runners \\d+ ms, process CPU \\d+ ms; ready in \\d+ ms\\.";
    private static final Path WORK = Path.of("target", "it", "aot-" + UUID.randomUUID());

    @Test
    void theDemoAnswersAndADeployFinishesOnAServerStartedFromTheGeneratedDefinitions() throws Exception {
        try (ServerProcess server = ServerProcess.launch("aot", WORK, Map.of("STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated",
                "STAGEPORT_DEMO_STEP_DURATION", "50ms"), ServerProcess.DEFAULT_HEAP, AOT)) {
            server.awaitReady(Duration.ofSeconds(180));
            awaitReadiness(server);
            Odc odc = new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
            assertThat(odc.client().tokens().token()).as("a token").isNotBlank();
            assertThat(odc.environments()).as("the demo's stages").hasSize(3);
            DeploymentOperation deploy = odc.deploy(ReplicasIT.QA, ReplicasIT.APP, ReplicasIT.RELEASE_2, 2);
            assertThat(awaitEnd(odc, deploy.key()).status()).isEqualTo("Finished");
            assertThat(Files.readString(server.log())).doesNotContain(FALLBACK).containsPattern(PHASES);
        }
    }

    @Test
    void theEmulatorOnStartsWithoutTheGeneratedDefinitionsAndHasItsEndpoints() throws Exception {
        try (ServerProcess server = ServerProcess.launch("aot-emulator", WORK, Map.of("STAGEPORT_EMULATOR", "on"),
                ServerProcess.DEFAULT_HEAP, AOT)) {
            server.awaitReady(Duration.ofSeconds(180));
            Odc odc = new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
            assertThat(odc.client().get("/api/stageport/v1/emulator/clock").isObject())
                    .as("the emulator's clock answers").isTrue();
            assertThat(Files.readString(server.log())).contains(FALLBACK + ": STAGEPORT_EMULATOR");
        }
    }

    /** The demo is seeded before the server reports ready. */
    private static void awaitReadiness(ServerProcess server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not report ready; see " + server.log());
    }

    private static DeploymentOperation awaitEnd(Odc odc, String key) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        DeploymentOperation op = odc.operation(key);
        while (!op.ended() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            op = odc.operation(key);
        }
        return op;
    }
}
