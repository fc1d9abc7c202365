package dev.stageport.deployments;

import dev.stageport.webhooks.WebhookEvent;
import dev.stageport.webhooks.WebhookEventType;
import dev.stageport.webhooks.WebhookOutbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The webhook events of deployment operations, recorded in the transaction of their status write. */
@Component
class OperationWebhooks {

    private final WebhookOutbox outbox;

    OperationWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    void started(DeploymentOperation op) {
        outbox.record(new WebhookEvent(WebhookEventType.OPERATION_STARTED, op.environmentKey(), op.key(),
                data(op, OperationStatus.Running, null)));
    }

    void finished(DeploymentOperation op, OperationStatus status, Instant at) {
        outbox.record(new WebhookEvent(WebhookEventType.OPERATION_FINISHED, op.environmentKey(), op.key(),
                data(op, status, at)));
    }

    private static Map<String, Object> data(DeploymentOperation op, OperationStatus status, Instant finishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("operationKey", op.key());
        data.put("operation", op.operation().name());
        data.put("assetKey", op.assetKey());
        data.put("assetName", op.assetName());
        if (op.revision() != null) {
            data.put("revision", op.revision());
        }
        if (op.buildKey() != null) {
            data.put("buildKey", op.buildKey());
        }
        data.put("environmentKey", op.environmentKey());
        data.put("status", status.name());
        data.put("deployedBy", op.deployedBy());
        data.put("startedAt", op.startedAt().toString());
        if (finishedAt != null) {
            data.put("finishedAt", finishedAt.toString());
        }
        return data;
    }
}
