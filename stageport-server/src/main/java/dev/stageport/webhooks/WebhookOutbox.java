package dev.stageport.webhooks;

import dev.stageport.work.EngineSignal;
import dev.stageport.work.WorkQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a feature publishes a webhook event. {@link #record} must run inside the
 * transaction of the change it reports: the event, one delivery per subscribed webhook and
 * the delivery work items commit or roll back with that change, so a crash loses no event
 * and a rolled-back change sends none.
 */
@Component
public class WebhookOutbox {

    /** The work_item kind of a delivery. */
    public static final String KIND = "webhook";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WorkQueue work;
    private final EngineSignal signal;
    private final Clock clock;

    public WebhookOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, WorkQueue work,
                         EngineSignal signal, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.work = work;
        this.signal = signal;
        this.clock = clock;
    }

    /** @throws IllegalStateException outside a transaction: the event would not be atomic with its change */
    public void record(WebhookEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A webhook event must be recorded inside the transaction of the change "
                    + "it reports (" + event.type().wireName() + " of " + event.orderKey() + ").");
        }
        List<Webhook> targets = webhooks.all().stream().filter(hook -> hook.wants(event)).toList();
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        deliveries.insertEvent(eventId, event, payload(eventId, event, now), now);
        for (Webhook hook : targets) {
            String deliveryId = UUID.randomUUID().toString();
            deliveries.insertDelivery(deliveryId, hook.key(), eventId, event.orderKey(), now, null);
            work.enqueue(deliveryId, KIND, now, null);
        }
        wakeAfterCommit();
    }

    /** A new delivery of the original's event to the same webhook, in no chain; its key. */
    String replay(Delivery original) {
        String replay = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        deliveries.insertDelivery(replay, original.webhookKey(), original.eventId(), replay, now, original.id());
        work.enqueue(replay, KIND, now, null);
        wakeAfterCommit();
        return replay;
    }

    /** Workers must not look for a delivery before the transaction that records it commits. */
    private void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
    }

    /** The body every attempt of every delivery of the event sends, byte for byte. */
    private static String payload(String eventId, WebhookEvent event, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", event.type().wireName());
        body.put("occurredAt", now.toString());
        if (event.environmentKey() != null) {
            body.put("environmentKey", event.environmentKey());
        }
        body.put("data", event.data());
        return JSON.writeValueAsString(body);
    }
}
