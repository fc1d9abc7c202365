package dev.stageport.policy;

import dev.stageport.webhooks.WebhookEvent;
import dev.stageport.webhooks.WebhookEventType;
import dev.stageport.webhooks.WebhookOutbox;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands approval and freeze events to the webhook outbox. The events are published inside
 * the transaction of the change, and this listener runs in it, so the outbox row commits or
 * rolls back with the approval or the overridden Deploy. Ordered by the operation's key, so a
 * receiver sees approval.requested before the operation's finish.
 */
@Component
class ReleaseSafetyWebhooks {

    private final WebhookOutbox outbox;

    ReleaseSafetyWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ReleaseSafetyEvent event) {
        WebhookEventType type = WebhookEventType.fromWire(event.type()).orElseThrow();
        outbox.record(new WebhookEvent(type, event.environmentKey(), event.operationKey(), data(event)));
    }

    private static Map<String, Object> data(ReleaseSafetyEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("operationKey", event.operationKey());
        data.put("environmentKey", event.environmentKey());
        if (event instanceof ReleaseSafetyEvent.ApprovalRequested requested) {
            data.put("approvalKey", requested.approvalKey());
            data.put("assetKey", requested.assetKey());
            putIfPresent(data, "revision", requested.revision());
            data.put("requestedBy", requested.requestedBy());
            data.put("requiredApprovals", requested.requiredApprovals());
        } else if (event instanceof ReleaseSafetyEvent.ApprovalDecided decided) {
            data.put("approvalKey", decided.approvalKey());
            putIfPresent(data, "decidedBy", decided.decidedBy());
            putIfPresent(data, "decision", decided.decision());
            putIfPresent(data, "comment", decided.comment());
            data.put("status", decided.status().name());
        } else if (event instanceof ReleaseSafetyEvent.FreezeOverridden overridden) {
            data.put("windowKey", overridden.windowKey());
            data.put("windowName", overridden.windowName());
            data.put("overriddenBy", overridden.overriddenBy());
            data.put("reason", overridden.reason());
        }
        data.put("occurredAt", event.occurredAt().toString());
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String field, Object value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
