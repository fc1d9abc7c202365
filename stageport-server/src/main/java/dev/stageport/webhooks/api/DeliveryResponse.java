package dev.stageport.webhooks.api;

import java.util.List;

/**
 * One event on its way to a webhook and every attempt so far. {@code operationKey} is what the
 * event belongs to (a deployment or build operation); {@code redeliveryOf} names the delivery a
 * redelivery replays.
 */
public record DeliveryResponse(String id, String eventId, String event, String operationKey, String status,
                               String createdAt, String nextAttemptAt, String redeliveryOf,
                               List<DeliveryAttemptResponse> attempts) {
}
