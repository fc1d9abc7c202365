package dev.stageport.webhooks;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, as a feature hands it to {@link WebhookOutbox#record}.
 *
 * @param environmentKey the stage it happened in, or null (a build belongs to no stage): only webhooks
 *                       of every stage receive an event without one
 * @param orderKey       what the event belongs to (an operation key): the deliveries of one order key
 *                       reach a receiver in the order they were recorded
 * @param data           the event's fields, as JSON under "data"
 */
public record WebhookEvent(WebhookEventType type, String environmentKey, String orderKey, Map<String, Object> data) {

    public WebhookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderKey, "orderKey");
        data = data == null ? Map.of() : data;
    }
}
