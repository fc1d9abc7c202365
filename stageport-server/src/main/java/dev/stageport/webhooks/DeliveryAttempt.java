package dev.stageport.webhooks;

import java.time.Instant;

/**
 * One POST of a delivery: the receiver's HTTP status (null when none came: refused,
 * timed out, address not allowed), how long it took, the start of its answer, or the error.
 */
public record DeliveryAttempt(String deliveryId, int attempt, Instant attemptedAt, Integer statusCode,
                              long latencyMillis, String responseExcerpt, String error) {

    public static final int EXCERPT_CHARS = 500;

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
