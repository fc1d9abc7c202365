package dev.stageport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark scenario once with tiny sizes (bench/run --smoke) against the
 * jars this build packaged, so a change that breaks the harness fails the build.
 * The figures are not checked: CI machines are too noisy for budgets.
 * The scratch folder sits below an owner-only (0700) folder, as a clone under /root or
 * a mktemp -d folder does: every helper server must still read what it serves.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsBelowAnOwnerOnlyFolderAndTheReportNamesEachOfThem() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path report = root.resolve("bench/target/smoke.md");
        Files.deleteIfExists(report);
        Path ownerOnly = root.resolve("bench/target/owner-only");
        Files.createDirectories(ownerOnly);
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rwx------"));
        Path work = ownerOnly.resolve("runs");
        Path log = root.resolve("bench/target/smoke.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "bench/run", "--smoke").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENCH_SKIP_BUILD", "1");
        builder.environment().put("BENCH_WORK", work.toString());
        Process run = builder.start();
        boolean done = run.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            run.destroyForcibly();
        }
        assertThat(done).as("bench/run --smoke finished in time; see %s", log).isTrue();
        assertThat(run.exitValue()).as("bench/run --smoke exit code; see %s", log).isZero();
        String md = Files.readString(report);
        assertThat(md).contains("## Status polling", "## Push latency", "## Engine throughput", "| PostgreSQL |",
                "## History at scale", "### Embedded database (H2)", "### PostgreSQL",
                "## Footprint", "## Start-up", "## Followers at scale");
        assertThat(md).as("no smoke follower failed").contains("| followers that failed | 0 / 0 / 0 | 0 | meets |");
        assertThat(new File(root.toFile(), "bench/target/smoke-history.png")).isFile();

        boolean polled = Files.exists(work.resolve("results/status-polling-1.json"));
        if (polled) {
            assertThat(md).contains("| nginx |", "| wiremock |", "| stageport, running operation |");
        } else {
            // a machine without wrk or nginx: said in the output and the report, never silently left out
            assertThat(Files.readString(log)).contains("skipped: status-polling (not installed:");
            assertThat(md).contains("**Skipped**: not installed:");
        }
    }
}
