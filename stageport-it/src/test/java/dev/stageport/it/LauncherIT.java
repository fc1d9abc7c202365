package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher builds what is missing without touching the jar of a server that may be running, and
 * starts from the archive of the JDK it picks. The archive cases run the launcher on a copy of the
 * CLI's jars in a scratch root (the CLI's training is seconds, the server's a minute and more).
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String CLI_BUILD = "-Dmaven.test.skip=true -pl \"$1\" -am package";
    private static final String PREPARING = "stageport: preparing a faster start for stageport-cli";

    @TempDir
    Path scratch;

    @Test
    void buildingTheCliLeavesTheServerOutOfTheReactor() throws Exception {
        assertThat(Files.readString(ROOT.resolve("stageport"))).as("the launcher's build command").contains(CLI_BUILD);
        Process maven = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-o", "-ntp",
                "-Dmaven.test.skip=true", "-pl", "stageport-cli", "-am", "validate")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes());
        assertThat(maven.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(maven.exitValue()).as(output).isZero();
        assertThat(output).contains("Stageport CLI").doesNotContain("Stageport server");
    }

    @Test
    void picksAJdk25OrNewerWhenPresentAndMakesItsAotCacheOnce() throws Exception {
        Optional<Path> jdk = Jdks.newest(25);
        assumeTrue(jdk.isPresent(), "no JDK 25 or newer in JAVA_HOME or /usr/lib/jvm: the AOT cache is not tested here");
        Path root = launcherRoot();
        // AOTMode=on: the JVM refuses to start unless it maps the cache
        Run first = Run.of(root, Map.of("STAGEPORT_JAVA_OPTS", "-XX:AOTMode=on -XshowSettings:properties"), "--help");
        Run second = Run.of(root, Map.of("STAGEPORT_JAVA_OPTS", "-XX:AOTMode=on -XshowSettings:properties"), "--help");

        assertThat(first.exit).as(first.stderr).isZero();
        assertThat(first.stdout).contains("Usage: stageport");
        assertThat(first.stderr).containsOnlyOnce(PREPARING);
        assertThat(Jdks.feature(first.stderr)).as("the JDK it ran on").isGreaterThanOrEqualTo(25);
        assertThat(second.exit).as(second.stderr).isZero();
        assertThat(second.stderr).as("the second start reuses the cache").doesNotContain(PREPARING);
        assertThat(archives(root)).singleElement().asString().endsWith(".aot");
    }

    @Test
    void aJdkOlderThan25ChosenWithStageportJavaKeepsTheClassDataSharingArchive() throws Exception {
        Optional<Path> jdk = Jdks.olderThan(25);
        assumeTrue(jdk.isPresent(), "no JDK older than 25 on this machine: the CDS path is not tested here");
        Path root = launcherRoot();
        Map<String, String> env = Map.of("STAGEPORT_JAVA", jdk.get().resolve("bin/java").toString(),
                // Xshare:on: the JVM refuses to start unless it maps the archive
                "STAGEPORT_JAVA_OPTS", "-Xshare:on -XshowSettings:properties");
        Run first = Run.of(root, env, "--help");
        Run second = Run.of(root, env, "--help");

        assertThat(first.exit).as(first.stderr).isZero();
        assertThat(first.stderr).containsOnlyOnce(PREPARING);
        assertThat(Jdks.feature(first.stderr)).as("the JDK it ran on").isLessThan(25);
        assertThat(second.exit).as(second.stderr).isZero();
        assertThat(second.stderr).doesNotContain(PREPARING);
        assertThat(archives(root)).singleElement().asString().endsWith(".jsa");
    }

    @Test
    void aFailedTrainingRunStartsPlainlyAndSaysSoInOneLineWithoutTrainingAgain() throws Exception {
        Path root = launcherRoot();
        // an unreadable plain jar: the training finds no main class, the fat jar still runs
        Files.writeString(root.resolve("stageport-cli/target/stageport-cli.jar.original"), "not a jar");
        Run first = Run.of(root, Map.of(), "--help");
        Run second = Run.of(root, Map.of(), "--help");

        assertThat(first.exit).as(first.stderr).isZero();
        assertThat(first.stdout).contains("Usage: stageport");
        assertThat(first.stderr).containsOnlyOnce(PREPARING).containsOnlyOnce("training run failed");
        assertThat(second.exit).as(second.stderr).isZero();
        assertThat(second.stderr).doesNotContain(PREPARING).containsOnlyOnce("training run failed");
        assertThat(archives(root)).isEmpty();
    }

    /** The launcher and the CLI's jars, copied: the archives land in the copy's target/cds. */
    private Path launcherRoot() throws IOException {
        Path cli = ROOT.resolve("stageport-cli/target/stageport-cli.jar");
        assumeTrue(Files.isRegularFile(cli), "stageport-cli is not packaged (./mvnw package -pl stageport-cli)");
        Path root = scratch.resolve("root");
        Path target = Files.createDirectories(root.resolve("stageport-cli/target"));
        Files.copy(ROOT.resolve("stageport"), root.resolve("stageport"));
        root.resolve("stageport").toFile().setExecutable(true);
        Files.copy(cli, target.resolve("stageport-cli.jar"));
        Files.copy(cli.resolveSibling("stageport-cli.jar.original"), target.resolve("stageport-cli.jar.original"));
        return root;
    }

    private static List<Path> archives(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("stageport-cli/target/cds"))) {
            return files.filter(f -> f.toString().endsWith(".aot") || f.toString().endsWith(".jsa")).toList();
        }
    }

    private record Run(int exit, String stdout, String stderr) {

        static Run of(Path root, Map<String, String> env, String... args) throws Exception {
            Path out = Files.createTempFile(root, "out", ".txt");
            Path err = Files.createTempFile(root, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(root.resolve("stageport").toString()),
                    Stream.of(args)).toList()).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            List.of("STAGEPORT_JAVA", "STAGEPORT_JAVA_OPTS", "STAGEPORT_CDS", "JAVA_TOOL_OPTIONS")
                    .forEach(builder.environment()::remove);
            builder.environment().putAll(env);
            Process launcher = builder.start();
            boolean done = launcher.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                launcher.destroyForcibly();
            }
            assertThat(done).as("the launcher finished").isTrue();
            return new Run(launcher.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
