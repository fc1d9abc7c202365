package dev.stageport.runtime.process;

import dev.stageport.runtime.InstanceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the driver holds for one asset in one stage: the stable port, the
 * active instance, the one it replaced (until retired) and instances provisioned by a
 * running operation. Guarded by its own monitor; never held while waiting on an app.
 */
final class AssetSlot {

    final String environmentKey;
    final String assetKey;
    /** The asset's stable port on its stage's router; 0 until the first activation. */
    int stablePort;
    ProcessInstance active;
    ProcessInstance previous;
    final Map<String, ProcessInstance> candidates = new HashMap<>();
    ProcessSettings settings = ProcessSettings.DEFAULTS;
    InstanceStatus.State state = InstanceStatus.State.NotDeployed;
    int restarts;
    Instant since;
    String detail;

    AssetSlot(String environmentKey, String assetKey) {
        this.environmentKey = environmentKey;
        this.assetKey = assetKey;
    }

    synchronized List<ProcessInstance> all() {
        List<ProcessInstance> out = new ArrayList<>(candidates.values());
        if (active != null) {
            out.add(active);
        }
        if (previous != null) {
            out.add(previous);
        }
        return out;
    }

    synchronized void state(InstanceStatus.State state, Instant since, String detail) {
        this.state = state;
        this.since = since;
        this.detail = detail;
    }
}
