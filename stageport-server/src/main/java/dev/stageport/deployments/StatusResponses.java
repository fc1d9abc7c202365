package dev.stageport.deployments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The serialized status of finished operations. A terminal operation never changes
 * again (every write to deployment_operation is conditional on status Running), so
 * its JSON can be kept without any invalidation and stays correct across replicas.
 * Pipelines poll; after the end they keep polling the same finished operation, and
 * this skips the database read and the serialization for those polls. Running
 * operations are always read from the database. The stage is kept beside the bytes
 * because the caller's permission is checked on every request.
 */
@Component
public class StatusResponses {

    static final int MAX_ENTRIES = 10_000;

    /** The operation's stage (for the permission check) and its response body. */
    record Cached(String environmentKey, byte[] json) {
    }

    private final ObjectMapper json;
    private final Map<String, Cached> finished = new ConcurrentHashMap<>();

    public StatusResponses(ObjectMapper json) {
        this.json = json;
    }

    /** After an emulator reset or restore the operations behind the cached answers may be gone. */
    public void forgetAll() {
        finished.clear();
    }

    Cached find(String operationKey) {
        return finished.get(operationKey);
    }

    /** Serializes the operation with the application's mapper, as the MVC converter would. */
    Cached of(DeploymentOperation op) {
        Cached cached = new Cached(op.environmentKey(), json.writeValueAsBytes(DeploymentOperationResponse.of(op)));
        if (op.status().terminal()) {
            if (finished.size() >= MAX_ENTRIES) {
                // Rare and cheap to refill; simpler than an eviction order and always correct.
                finished.clear();
            }
            finished.put(op.key(), cached);
        }
        return cached;
    }
}
