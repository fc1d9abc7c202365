package dev.stageport.hostile;

import dev.stageport.support.EmulatorServer;
import java.util.ArrayList;
import java.util.List;

/** With the emulator on, its endpoints exist too, and each is in {@link EndpointCatalog#EMULATOR}. */
class EmulatorEndpointCatalogCoverageTest extends EndpointCatalogCoverageTest implements EmulatorServer {

    @Override
    protected List<EndpointCatalog.Endpoint> catalog() {
        List<EndpointCatalog.Endpoint> all = new ArrayList<>(EndpointCatalog.ALL);
        all.addAll(EndpointCatalog.EMULATOR);
        return all;
    }
}
