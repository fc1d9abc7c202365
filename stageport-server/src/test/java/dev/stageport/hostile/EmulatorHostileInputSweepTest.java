package dev.stageport.hostile;

import dev.stageport.emulator.FaultRules;
import dev.stageport.hostile.EndpointCatalog.Endpoint;
import dev.stageport.support.EmulatorServer;
import dev.stageport.support.EmulatorServerTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The hostile-input sweep over the emulator's endpoints, on a server with the emulator on. */
class EmulatorHostileInputSweepTest extends HostileInputSweepTest implements EmulatorServer {

    @Autowired
    FaultRules faults;

    static Stream<Endpoint> endpoints() {
        return EndpointCatalog.EMULATOR.stream();
    }

    /** The {snapshot} placeholder names one that exists. */
    @BeforeEach
    void hostileSnapshot() {
        EmulatorServerTest.snapshot(api, "hostile");
    }

    /** An allowed reset or restore replaced the state: back to the one with the fixture, for the next test. */
    @AfterEach
    void backToTheFixture() {
        EmulatorServerTest.restore(api, "hostile");
    }

    /** The {fault} placeholder names a rule that exists. */
    @Override
    protected void moreKeys(Map<String, String> keys) {
        keys.put("fault", EmulatorServerTest.harmlessFault(faults));
    }
}
