package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher builds what is missing without touching the jar of a server that may be running. */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String CLI_BUILD = "-Dmaven.test.skip=true -pl \"$1\" -am package";

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
}
