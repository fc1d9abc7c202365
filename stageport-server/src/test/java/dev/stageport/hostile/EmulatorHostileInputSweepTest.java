package dev.stageport.hostile;

import dev.stageport.emulator.FaultRules;
import dev.stageport.hostile.EndpointCatalog.Endpoint;
import dev.stageport.support.EmulatorServer;
import dev.stageport.support.EmulatorServerTest;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;

/** The hostile-input sweep of the emulator's endpoints, on the emulator's server. */
class EmulatorHostileInputSweepTest extends HostileInputSweepTest implements EmulatorServer {

    @Autowired
    FaultRules faults;

    static Stream<Endpoint> endpoints() {
        return EndpointCatalog.EMULATOR.stream();
    }

    @Override
    protected void moreKeys(Map<String, String> keys) {
        keys.put("fault", EmulatorServerTest.harmlessFault(faults));
    }
}
