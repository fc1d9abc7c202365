package dev.stageport.deployments;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The serialized status of operations, so that a poll skips the database read and the
 * serialization. A finished operation never changes again (every write to
 * deployment_operation is conditional on status Running), so its JSON is kept without
 * any invalidation and stays correct across replicas.
 *
 * <p>A running operation's JSON changes once, when it ends. This replica's writes drop it
 * as they commit ({@link #changed}), before the writer answers or tells its followers, so
 * no poll here shows a state older than a write made here. Another replica's write is
 * seen once the kept answer is {@link #RUNNING_FRESH} old: the bound the followers have
 * through the sweep (docs/replicas.md). The stage is kept beside the bytes because the
 * caller's permission is checked on every request.
 */
@Component
public class StatusResponses {

    static final int MAX_ENTRIES = 10_000;
    /** How long a running operation's answer is trusted without a local signal. */
    static final Duration RUNNING_FRESH = OperationEvents.SWEEP;
    private static final int STRIPES = 256;

    /** The operation's stage (for the permission check), its response body and until when it holds. */
    record Cached(String environmentKey, byte[] json, long freshUntilMillis) {
        boolean finished() {
            return freshUntilMillis == Long.MAX_VALUE;
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Cached> kept = new ConcurrentHashMap<>();
    /**
     * Counts the changes per stripe of operation keys: an answer read before a change and kept
     * after it would outlive the change, so a reader keeps its answer only when its stripe's
     * count did not move while it read.
     */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);

    public StatusResponses(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** After an emulator reset or restore the operations behind the kept answers may be gone. */
    public void forgetAll() {
        for (int i = 0; i < STRIPES; i++) {
            changes.incrementAndGet(i);
        }
        kept.clear();
    }

    /** The operation changed on this replica and the change committed. */
    void changed(String operationKey) {
        changes.incrementAndGet(stripe(operationKey));
        kept.remove(operationKey);
    }

    /** The kept answer while it holds, else null. */
    Cached find(String operationKey) {
        Cached cached = kept.get(operationKey);
        return cached == null || cached.freshUntilMillis() < clock.millis() ? null : cached;
    }

    /** Taken before reading the operation, for {@link #of}. */
    long readStarts(String operationKey) {
        return changes.get(stripe(operationKey));
    }

    /** Serializes the operation read after {@code readStarts} as the MVC converter would, and keeps it. */
    Cached of(DeploymentOperation op, long readStarts) {
        long freshUntil = op.status().terminal() ? Long.MAX_VALUE : clock.millis() + RUNNING_FRESH.toMillis();
        Cached cached = new Cached(op.environmentKey(), json.writeValueAsBytes(DeploymentOperationResponse.of(op)),
                freshUntil);
        if (kept.size() >= MAX_ENTRIES) {
            // Rare and cheap to refill; simpler than an eviction order and always correct.
            kept.clear();
        }
        // a slower poll that read the row before another replica ended it must not bring Running back
        Cached now = kept.merge(op.key(), cached, (old, read) -> old.finished() ? old : read);
        if (now != cached) {
            return now;
        }
        if (changes.get(stripe(op.key())) != readStarts) {
            // changed while we read: what we read may be older than the change
            kept.remove(op.key(), cached);
        }
        return cached;
    }

    private static int stripe(String operationKey) {
        return operationKey.hashCode() & (STRIPES - 1);
    }
}
