package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.startup.StartupProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A seed with a mistake stops the start in the pre-flight, with the line the seeder would have given. */
class SeedPreflightTest {

    private final Path dir = Path.of("target", "test-data", "seed-preflight-" + UUID.randomUUID());

    private Path seed(String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("seed.yaml"), text);
    }

    private static Throwable preflight(String mode, Path seed) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "stageport.emulator.mode", mode, "stageport.emulator.seed", seed.toString())));
        return org.assertj.core.api.Assertions.catchThrowable(() -> new SeedPreflight().onApplicationEvent(
                new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                        new String[0], environment)));
    }

    @Test
    void aKeyGivenTwiceFailsBeforeTheServerStartsWithTheSeedersLine() throws IOException {
        Path seed = seed("""
                stages:
                  - {key: 7e000000-0000-4000-8000-000000000001, name: QA}
                  - {key: 7e000000-0000-4000-8000-000000000001, name: Production}
                """);
        Throwable thrown = preflight("on", seed);
        assertThat(thrown).isInstanceOf(StartupProblem.class);
        Throwable seeder = org.assertj.core.api.Assertions.catchThrowable(() -> Scenario.of(ScenarioFile.read(seed)));
        assertThat(thrown.getMessage()).isEqualTo(seeder.getMessage()).contains("line 3", "stages[1].key", "given twice");
    }

    @Test
    void aValidSeedPassesAndWithTheEmulatorOffTheSeedIsLeftToTheSeedersOwnMessage() throws IOException {
        assertThat(preflight("on", seed("stages:\n  - {key: 7e000000-0000-4000-8000-000000000001, name: QA}\n")))
                .isNull();
        assertThat(preflight("off", dir.resolve("no-such-file.yaml"))).isNull();
    }
}
