package dev.stageport.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription: where events go and which ones. {@code environmentKeys} empty means every
 * stage, and only such a webhook receives events that belong to no stage (build.finished).
 */
public record Webhook(String key, String url, List<WebhookEventType> events, List<String> environmentKeys,
                      String secretSealed, Instant createdAt, String createdBy) {

    public Webhook {
        events = List.copyOf(events);
        environmentKeys = List.copyOf(environmentKeys);
    }

    public boolean wants(WebhookEvent event) {
        if (!events.contains(event.type())) {
            return false;
        }
        return environmentKeys.isEmpty() || environmentKeys.contains(event.environmentKey());
    }
}
