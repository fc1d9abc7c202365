package dev.stageport.deployments;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's server-sent event stream of one operation. It opens with the
 * operation's current status, then every message the client has not seen, then
 * each new message and status change, and closes after the terminal status.
 * Event ids are message sequence numbers, so Last-Event-ID resumes after the
 * last message the client received.
 */
final class OperationStream implements OperationEvents.Watcher {

    static final Duration MAX_OPEN = Duration.ofHours(1);

    private final String operationKey;
    private final OperationEvents events;
    private final SseEmitter emitter = new SseEmitter(MAX_OPEN.toMillis());
    private int lastSeq;
    private long lastVersion = -1;
    private boolean closed;

    OperationStream(String operationKey, int lastSeq, OperationEvents events) {
        this.operationKey = operationKey;
        this.lastSeq = lastSeq;
        this.events = events;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    SseEmitter open() {
        events.watch(operationKey, this);
        return emitter;
    }

    @Override
    public synchronized void check(OperationSnapshot now) {
        if (closed) {
            return;
        }
        DeploymentOperation op = now.operation().orElse(null);
        if (op == null) {
            emitter.complete();
            return;
        }
        try {
            boolean terminal = op.status() != OperationStatus.Running;
            // A running operation opens with its status; an ended one ends with it, after its messages.
            if (lastVersion == -1 && !terminal) {
                sendStatus(op);
            }
            List<MessageRepository.Numbered> fresh = now.messagesAfter(lastSeq);
            for (MessageRepository.Numbered numbered : fresh) {
                emitter.send(SseEmitter.event().id(Integer.toString(numbered.seq())).name("message")
                        .data(numbered.message(), MediaType.APPLICATION_JSON));
                lastSeq = numbered.seq();
            }
            if (op.version() != lastVersion || terminal) {
                sendStatus(op);
            }
            if (terminal) {
                emitter.complete();
                close();
            }
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    private void sendStatus(DeploymentOperation op) throws IOException {
        lastVersion = op.version();
        emitter.send(SseEmitter.event().id(Integer.toString(lastSeq)).name("status")
                .data(DeploymentOperationResponse.of(op), MediaType.APPLICATION_JSON));
    }

    private synchronized void close() {
        if (!closed) {
            closed = true;
            events.unwatch(operationKey, this);
        }
    }
}
