package dev.stageport.deployments;

import java.io.IOException;
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
final class OperationStream extends FollowedOperation {

    private int lastSeq;
    private long lastVersion = -1;

    OperationStream(String operationKey, int lastSeq, OperationEvents events) {
        super(operationKey, events);
        this.lastSeq = lastSeq;
    }

    @Override
    protected boolean update(OperationSnapshot now) throws IOException {
        DeploymentOperation op = now.operation().orElse(null);
        if (op == null) {
            return true;
        }
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
        return terminal;
    }

    private void sendStatus(DeploymentOperation op) throws IOException {
        lastVersion = op.version();
        emitter.send(SseEmitter.event().id(Integer.toString(lastSeq)).name("status")
                .data(DeploymentOperationResponse.of(op), MediaType.APPLICATION_JSON));
    }
}
