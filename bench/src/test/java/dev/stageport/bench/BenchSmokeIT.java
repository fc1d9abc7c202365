package dev.stageport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark scenario once with tiny sizes (bench/run --smoke) against the
 * jars this build packaged, so a change that breaks the harness fails the build.
 * The figures are not checked: CI machines are too noisy for budgets.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndTheReportNamesEachOfThem() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path report = root.resolve("bench/target/smoke.md");
        Files.deleteIfExists(report);
        Path log = root.resolve("bench/target/smoke.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "bench/run", "--smoke").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENCH_SKIP_BUILD", "1");
        Process run = builder.start();
        boolean done = run.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            run.destroyForcibly();
        }
        assertThat(done).as("bench/run --smoke finished in time; see %s", log).isTrue();
        assertThat(run.exitValue()).as("bench/run --smoke exit code; see %s", log).isZero();
        String md = Files.readString(report);
        assertThat(md).contains("## Status polling", "## Push latency", "## Engine throughput", "| PostgreSQL |",
                "## History at scale", "## Footprint");
        assertThat(new File(root.toFile(), "bench/target/smoke-history.png")).isFile();
    }
}
