package dev.stageport.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server of its own with STAGEPORT_EMULATOR=on, seeded with the test scenario
 * (src/test/resources/emulator/scenario.yaml) instead of the demo data: its resets and
 * restores replace the whole state, so it never shares a database with the suite's server.
 */
public abstract class EmulatorServerTest extends ServerTest {

    /** Keys of src/test/resources/emulator/scenario.yaml. */
    public static final String DEVELOPMENT = "5e000000-0000-4000-8000-000000000001";
    public static final String QA = "5e000000-0000-4000-8000-000000000002";
    public static final String PRODUCTION = "5e000000-0000-4000-8000-000000000003";
    public static final String ORDERS = "5a000000-0000-4000-8000-000000000001";
    public static final String ORDERS_REV1_RELEASE = "5b000000-0000-4000-8000-000000000001";
    public static final String ORDERS_REV2_RELEASE = "5b000000-0000-4000-8000-000000000002";
    public static final String ORDERS_REV2_DEBUG = "5b000000-0000-4000-8000-000000000003";
    public static final String GREETING = "5c000000-0000-4000-8000-000000000001";
    public static final String SEEDED_CLIENT = "ci-deployer";
    public static final String SEEDED_SECRET = "ci-deployer-secret-0123456789";

    @DynamicPropertySource
    static void emulatorOn(DynamicPropertyRegistry registry) {
        emulatorProperties(registry, "emulator");
        registry.add("stageport.emulator.seed",
                () -> Path.of("src", "test", "resources", "emulator", "scenario.yaml").toAbsolutePath().toString());
    }

    /** The emulator switch, a data folder and a database named {@code name} (a plain SQL name), for any server test. */
    public static void emulatorProperties(DynamicPropertyRegistry registry, String name) {
        Path dataDir = Path.of("target", "test-data", name + "-" + UUID.randomUUID());
        registry.add("stageport.data-dir", dataDir::toString);
        TestDatabase.properties(name).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("stageport.emulator.mode", () -> "on");
        ownDatabase = true;
    }
}
