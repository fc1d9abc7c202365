package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.FollowedOperation;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import dev.stageport.deployments.MessageRepository;
import dev.stageport.deployments.OperationEvents;
import dev.stageport.deployments.OperationSnapshot;
import dev.stageport.deployments.OperationStatus;
import java.io.IOException;
import java.util.List;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's event stream of one operation for the live page: "status" carries the rendered
 * status, "message" the rendered new messages, and after the final status "ended" replaces the
 * Cancel form, then the stream closes. Event ids are message positions, so a reconnecting
 * browser resumes after the last message it got.
 */
final class LiveOperationStream extends FollowedOperation {

    private final LiveFragments fragments;
    private int lastSeq;
    private long lastVersion = -1;

    LiveOperationStream(String operationKey, int lastSeq, OperationEvents events, LiveFragments fragments) {
        super(operationKey, events);
        this.lastSeq = lastSeq;
        this.fragments = fragments;
    }

    @Override
    protected boolean update(OperationSnapshot now) throws IOException {
        // the page was allowed to follow it when the stream opened, and an operation never changes stage
        DeploymentOperation op = now.operation().orElse(null);
        if (op == null) {
            return true;
        }
        List<MessageRepository.Numbered> fresh = now.messagesAfter(lastSeq);
        if (!fresh.isEmpty()) {
            List<MessageDetailsV1TaskProgressMessage> rows = fresh.stream().map(MessageRepository.Numbered::message)
                    .toList();
            lastSeq = fresh.get(fresh.size() - 1).seq();
            send("message", fragments.messages(rows));
        }
        boolean ended = op.status() != OperationStatus.Running;
        if (op.version() != lastVersion || ended) {
            lastVersion = op.version();
            send("status", fragments.status(op));
        }
        if (ended) {
            send("ended", LiveFragments.ENDED);
        }
        return ended;
    }

    private void send(String name, String html) throws IOException {
        emitter.send(SseEmitter.event().id(Integer.toString(lastSeq)).name(name).data(html));
    }
}
