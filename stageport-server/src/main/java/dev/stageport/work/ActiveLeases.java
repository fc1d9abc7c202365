package dev.stageport.work;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The leases this replica's workers hold now, so a cancel can wake a waiting step at once. */
@Component
public class ActiveLeases {

    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    void add(Lease lease) {
        held.put(lease.key(), lease);
    }

    void remove(Lease lease) {
        held.remove(lease.key(), lease);
    }

    void forEach(java.util.function.Consumer<Lease> action) {
        held.values().forEach(action);
    }

    void stop(String key) {
        Lease lease = held.get(key);
        if (lease != null) {
            lease.stop();
        }
    }
}
