package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/emulator.md's example runs as written: the packaged server in emulator mode, seeded
 * with examples/pipeline-test/scenario.yaml, and examples/pipeline-test/run.sh against it.
 */
class PipelineExampleIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "pipeline-test").toAbsolutePath().normalize();

    @Test
    void theExamplePipelineTestsPassAgainstASeededEmulator() throws Exception {
        Path work = Path.of("target", "it", "pipeline-" + UUID.randomUUID()).toAbsolutePath();
        try (ServerProcess server = ServerProcess.start("pipeline", work, Map.of("STAGEPORT_EMULATOR", "on",
                "STAGEPORT_SEED", EXAMPLE.resolve("scenario.yaml").toString()))) {
            Path out = work.resolve("run.out");
            ProcessBuilder run = new ProcessBuilder("bash", EXAMPLE.resolve("run.sh").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            run.environment().put("STAGEPORT_URL", server.url());
            Process process = run.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(out);
            assertThat(process.exitValue()).as(output + "\nserver log: " + server.log()).isZero();
            assertThat(output).contains("case 4", "pipeline tests passed");
        }
    }
}
