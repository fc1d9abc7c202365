package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.deployments.FollowedOperation;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import dev.stageport.deployments.MessageRepository;
import dev.stageport.deployments.OperationEvents;
import dev.stageport.deployments.OperationSnapshot;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
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

    private final Caller caller;
    private final DeploymentService deployments;
    private final LiveFragments fragments;
    private int lastSeq;
    private long lastVersion = -1;

    LiveOperationStream(Caller caller, String operationKey, int lastSeq, DeploymentService deployments,
                        OperationEvents events, LiveFragments fragments) {
        super(operationKey, events);
        this.caller = caller;
        this.lastSeq = lastSeq;
        this.deployments = deployments;
        this.fragments = fragments;
    }

    @Override
    protected boolean update(OperationSnapshot now) throws IOException {
        DeploymentOperation op;
        try {
            // a grant taken away while the page is open ends the stream like a deleted operation
            op = deployments.visible(caller, operationKey);
        } catch (ApiException gone) {
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
