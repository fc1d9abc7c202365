package dev.stageport.support;

import dev.stageport.deployments.DeploymentRepository;
import dev.stageport.work.OperationEngine;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The one-tick harness: a server of its own (own data folder and database) whose
 * background workers are off and whose clock the test sets. {@link #tick()} runs
 * exactly one engine cycle on the test thread, so tests of cancel, deadlines and
 * resumption neither sleep nor race a worker. Its database round trips can be counted
 * ({@link StatementCounter}): one server for all these tests instead of a second one for the count.
 * Its {@link DeploymentRepository} is a Mockito spy that calls the real methods unless a test stubs one
 * (stubs are reset after each test): a test that needs a race stubs it here instead of starting a server
 * of its own for the spy.
 */
@Import({SettableClock.Config.class, StatementCounter.Config.class})
@MockitoSpyBean(types = DeploymentRepository.class)
public abstract class OneTickServerTest extends ServerTest {

    private static final Path DATA_DIR = Path.of("target", "test-data", "tick-" + UUID.randomUUID());

    @DynamicPropertySource
    static void oneTickProperties(DynamicPropertyRegistry registry) {
        registry.add("stageport.data-dir", () -> DATA_DIR.toString());
        TestDatabase.properties("tick").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("stageport.engine.enabled", () -> "false");
    }

    @Autowired
    protected OperationEngine engine;
    @Autowired
    protected SettableClock clock;

    /** Every test starts with nothing due (e.g. the demo's first Deploy, left by the seeding). */
    @BeforeEach
    void drainTheQueue() {
        tickUntilIdle();
    }

    /** One engine cycle: claims and runs at most one due item; true when it ran one. */
    protected boolean tick() {
        return engine.runOnce();
    }

    /** Cycles until nothing is due (bounded, so a bug cannot loop forever). */
    protected int tickUntilIdle() {
        int ran = 0;
        while (ran < 100 && tick()) {
            ran++;
        }
        return ran;
    }
}
