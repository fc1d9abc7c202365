package dev.stageport.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Marks a test of a server with STAGEPORT_EMULATOR=on. Every such test class declares the
 * same property source (this one), so they all share one server, with a data folder and a
 * database of its own: its clock moves, and that must not touch the suite's server.
 */
public interface EmulatorServer {

    Path DATA_DIR = Path.of("target", "test-data", "emulator-" + UUID.randomUUID());

    @DynamicPropertySource
    static void emulatorProperties(DynamicPropertyRegistry registry) {
        registry.add("stageport.data-dir", () -> DATA_DIR.toString());
        TestDatabase.properties("emulator").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("stageport.emulator", () -> "on");
    }
}
