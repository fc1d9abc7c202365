package dev.stageport.webhooks;

import dev.stageport.webhooks.api.DeliveryAttemptResponse;
import dev.stageport.webhooks.api.DeliveryResponse;
import dev.stageport.webhooks.api.WebhookResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Domain records as the API shows them. */
final class WebhookViews {

    private WebhookViews() {
    }

    static WebhookResponse webhook(Webhook hook, String secret) {
        return new WebhookResponse(hook.key(), hook.url(), hook.events().stream().map(WebhookEventType::wireName)
                .toList(), hook.environmentKeys(), text(hook.createdAt()), hook.createdBy(), secret);
    }

    static List<DeliveryResponse> deliveries(List<Delivery> deliveries, List<DeliveryAttempt> attempts) {
        Map<String, List<DeliveryAttempt>> byDelivery = attempts.stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
        return deliveries.stream().map(d -> new DeliveryResponse(d.id(), d.eventId(), d.eventType(),
                d.operationKey(), d.status().name(), text(d.createdAt()),
                d.status() == Delivery.Status.Pending ? text(d.nextAttemptAt()) : null, d.redeliveryOf(),
                byDelivery.getOrDefault(d.id(), List.of()).stream().map(WebhookViews::attempt).toList())).toList();
    }

    private static DeliveryAttemptResponse attempt(DeliveryAttempt a) {
        return new DeliveryAttemptResponse(a.attempt(), text(a.attemptedAt()), a.statusCode(), a.latencyMillis(),
                a.responseExcerpt(), a.error());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
