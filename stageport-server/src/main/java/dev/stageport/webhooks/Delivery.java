package dev.stageport.webhooks;

import java.time.Instant;

/**
 * One event on its way to one webhook, with the event's type and body (the bytes that are signed).
 * {@code orderKey} is its chain (the event's operation, or its own id for a redelivery);
 * {@code operationKey} the operation the event belongs to.
 */
public record Delivery(String id, long seq, String webhookKey, String eventId, String eventType, String orderKey,
                       Status status, int attempts, Instant nextAttemptAt, String redeliveryOf, Instant createdAt,
                       String payload, String operationKey) {

    public enum Status {
        /** Not delivered yet: waiting for its turn, its first attempt or a retry. */
        Pending,
        /** A receiver answered 2xx. */
        Delivered,
        /** Every attempt in the retry window failed. */
        GaveUp
    }
}
