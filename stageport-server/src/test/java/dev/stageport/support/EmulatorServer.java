package dev.stageport.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For the suite-wide hostile tests (sweep, authorization matrix, catalog coverage) that must extend
 * their suite class and so cannot extend {@link EmulatorServerTest}: they all declare this one
 * property source, so they share one server with the emulator on, the demo data, and a data folder
 * and database of their own. Spring applies an interface's property source after the classes', so
 * these values replace ServerTest's.
 */
public interface EmulatorServer {

    Path DATA_DIR = Path.of("target", "test-data", "emulator-hostile-" + UUID.randomUUID());

    @DynamicPropertySource
    static void emulatorProperties(DynamicPropertyRegistry registry) {
        registry.add("stageport.data-dir", () -> DATA_DIR.toString());
        TestDatabase.properties("emulator_hostile").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("stageport.emulator.mode", () -> "on");
    }
}
