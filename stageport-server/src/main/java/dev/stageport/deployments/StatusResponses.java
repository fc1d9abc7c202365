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
    /**
     * How long before a running answer expires one poll reads it again while the others are still
     * answered from it: without that, every poll in flight when it expired took the full path.
     */
    static final Duration REFRESH_AHEAD = Duration.ofMillis(500);
    private static final int STRIPES = 256;

    /**
     * The operation's stage (for the permission check), its response body, from when one poll should
     * read it again and until when it holds.
     */
    record Cached(String environmentKey, byte[] json, long refreshFromMillis, long freshUntilMillis,
                  boolean refreshTaken) {
        boolean finished() {
            return freshUntilMillis == Long.MAX_VALUE;
        }

        /** The same answer with its refresh taken by one poll. */
        Cached refreshing() {
            return new Cached(environmentKey, json, refreshFromMillis, freshUntilMillis, true);
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

    /**
     * For the fast path: the kept answer while it holds, else null. Null too for the one poll that
     * takes a running answer's refresh: it reads the operation through the full path while the
     * others keep getting the kept answer until it expires.
     */
    Cached find(String operationKey) {
        Cached cached = kept.get(operationKey);
        if (cached == null || cached.finished()) {
            return cached;
        }
        long now = clock.millis();
        if (cached.freshUntilMillis() < now) {
            return null;
        }
        if (cached.refreshFromMillis() < now && !cached.refreshTaken()
                && kept.replace(operationKey, cached, cached.refreshing())) {
            return null;
        }
        return cached;
    }

    /** For the full path: the kept answer unless it holds no longer or is due to be read again. */
    Cached current(String operationKey) {
        Cached cached = kept.get(operationKey);
        return cached == null || cached.refreshFromMillis() < clock.millis() ? null : cached;
    }

    /** Taken before reading the operation, for {@link #of}. */
    long readStarts(String operationKey) {
        return changes.get(stripe(operationKey));
    }

    /** Serializes the operation read after {@code readStarts} as the MVC converter would, and keeps it. */
    Cached of(DeploymentOperation op, long readStarts) {
        long readAt = clock.millis();
        boolean finished = op.status().terminal();
        Cached cached = new Cached(op.environmentKey(), json.writeValueAsBytes(DeploymentOperationResponse.of(op)),
                finished ? Long.MAX_VALUE : readAt + RUNNING_FRESH.minus(REFRESH_AHEAD).toMillis(),
                finished ? Long.MAX_VALUE : readAt + RUNNING_FRESH.toMillis(), false);
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
