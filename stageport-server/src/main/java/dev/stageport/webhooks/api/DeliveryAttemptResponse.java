package dev.stageport.webhooks.api;

/** One POST: the receiver's status (absent when none came), latency, the start of its answer or the error. */
public record DeliveryAttemptResponse(int attempt, String attemptedAt, Integer statusCode, long latencyMillis,
                                      String responseExcerpt, String error) {
}
