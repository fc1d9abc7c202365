package dev.stageport.deployments;

import java.io.IOException;
import java.time.Duration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A server-sent event stream that follows one operation on the engine's change signals (no thread
 * waits per client): it watches the operation while open and stops watching once it completes,
 * times out or the client goes away. Subclasses say what to send on each signal.
 */
public abstract class FollowedOperation implements OperationEvents.Watcher {

    public static final Duration MAX_OPEN = Duration.ofHours(1);

    protected final String operationKey;
    protected final SseEmitter emitter = new SseEmitter(MAX_OPEN.toMillis());
    private final OperationEvents events;
    private boolean closed;

    protected FollowedOperation(String operationKey, OperationEvents events) {
        this.operationKey = operationKey;
        this.events = events;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    public SseEmitter open() {
        events.watch(operationKey, this);
        return emitter;
    }

    /**
     * Sends what is new since the last call in the operation as read now (shared by its followers).
     *
     * @return true when the stream is over (the operation ended or is gone)
     */
    protected abstract boolean update(OperationSnapshot now) throws IOException;

    @Override
    public final synchronized void check(OperationSnapshot now) {
        if (closed) {
            return;
        }
        try {
            if (update(now)) {
                emitter.complete();
                close();
            }
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    /** A comment line: EventSource clients and the Stageport CLI skip it, a closed connection fails on it. */
    @Override
    public final synchronized void keepAlive() {
        if (closed) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));   // a builder is spent by one send
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    private synchronized void close() {
        if (!closed) {
            closed = true;
            events.unwatch(operationKey, this);
        }
    }
}
