package dev.stageport.deployments;

import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.work.Lease;
import dev.stageport.work.WorkMessage;
import dev.stageport.work.WorkMessages;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The messages of deployment and publish operations in their ODC shape, kept in the engine's one store. */
@Repository
public class MessageRepository {

    private final WorkMessages store;

    public MessageRepository(WorkMessages store) {
        this.store = store;
    }

    /**
     * A worker's message, written only while it holds the operation; inside a step it goes with
     * the step's boundary write ({@link WorkMessages#addAtStepEnd}).
     */
    public void add(Lease lease, Instant at, String type, Severity severity, String message, String stepId,
                    String assetKey) {
        store.addAtStepEnd(lease, WorkMessage.of(at, type, severity.name(), message, stepId, assetKey, null));
    }

    /** Called with the operation's key once a worker's messages are written. */
    void onWritten(java.util.function.Consumer<String> listener) {
        store.onWritten(listener);
    }

    /** A message the request that records the operation writes. */
    public void record(String opKey, Instant at, String type, Severity severity, String message, String stepId,
                       String assetKey) {
        store.record(opKey, WorkMessage.of(at, type, severity.name(), message, stepId, assetKey, null));
    }

    /** Oldest first; {@code limit + 1} rows are read by callers that need to know whether more follow. */
    public List<MessageDetailsV1TaskProgressMessage> list(String opKey, int limit, int offset) {
        return store.list(opKey, limit, offset).stream().map(MessageRepository::odc).toList();
    }

    /** A message and its position, for event streams that resume after the last one a client saw. */
    public record Numbered(int seq, MessageDetailsV1TaskProgressMessage message) {
    }

    /** Messages after the {@code seq}-th (1-based position within the operation), oldest first. */
    public List<Numbered> after(String opKey, int seq) {
        List<WorkMessage> all = store.all(opKey);
        List<Numbered> out = new java.util.ArrayList<>();
        for (int i = Math.max(0, seq); i < all.size(); i++) {
            out.add(new Numbered(i + 1, odc(all.get(i))));
        }
        return out;
    }

    static MessageDetailsV1TaskProgressMessage odc(WorkMessage m) {
        return new MessageDetailsV1TaskProgressMessage(m.createdAt(), m.type(), severity(m.severity()), m.message(),
                new MessageDetailsV1(m.stepId(), m.assetKey()));
    }

    private static Severity severity(String value) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return Severity.Info;
    }
}
