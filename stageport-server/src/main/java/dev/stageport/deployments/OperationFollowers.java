package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import dev.stageport.errors.ApiException;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Push instead of polling: an event stream per operation, and a long poll on the
 * GET of one operation. Same permission as that GET (Stage > View stage).
 */
@Service
public class OperationFollowers {

    static final int MAX_WAIT_SECONDS = 60;

    private final DeploymentService deployments;
    private final DeploymentRepository operations;
    private final OperationEvents events;

    public OperationFollowers(DeploymentService deployments, DeploymentRepository operations,
                              OperationEvents events) {
        this.deployments = deployments;
        this.operations = operations;
        this.events = events;
    }

    public SseEmitter stream(Caller caller, String operationKey, String lastEventId) {
        DeploymentOperation op = deployments.visible(caller, operationKey);
        return new OperationStream(op.key(), resumeAfter(lastEventId), events).open();
    }

    /**
     * Answers once the operation is no longer Running, or after {@code waitSeconds}
     * with its state then; an operation that already ended is answered at once.
     */
    public DeferredResult<DeploymentOperationResponse> await(Caller caller, String operationKey, int waitSeconds) {
        if (waitSeconds < 1 || waitSeconds > MAX_WAIT_SECONDS) {
            throw ApiException.badRequest("'waitSeconds' must be between 1 and " + MAX_WAIT_SECONDS + ", got "
                    + waitSeconds + ".");
        }
        DeploymentOperation op = deployments.visible(caller, operationKey);
        DeferredResult<DeploymentOperationResponse> result = new DeferredResult<>(
                Duration.ofSeconds(waitSeconds).toMillis());
        OperationEvents.Watcher watcher = now -> now.operation()
                .filter(o -> o.status() != OperationStatus.Running)
                .ifPresent(o -> result.setResult(DeploymentOperationResponse.of(o)));
        result.onTimeout(() -> result.setResult(DeploymentOperationResponse.of(operations.find(op.key())
                .orElse(op))));
        result.onCompletion(() -> events.unwatch(op.key(), watcher));
        events.watch(op.key(), watcher);
        return result;
    }

    /** Last-Event-ID is the sequence number of the last message the client got. */
    private static int resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(lastEventId.trim()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event from this stream, got '"
                    + lastEventId + "'.");
        }
    }
}
