package dev.stageport.webhooks;

import dev.stageport.work.Lease;
import dev.stageport.work.LeaseLost;
import dev.stageport.work.WorkHandler;
import dev.stageport.work.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one delivery on the engine (kind {@value WebhookOutbox#KIND}): one attempt per claim.
 * A delivery whose chain (same webhook, same operation) has an earlier pending delivery waits
 * for it; a failed attempt snoozes the work item until the {@link DeliverySchedule} says;
 * a delivery that is done (delivered or given up) wakes the next one of its chain, in the same
 * transaction as its status.
 */
@Component
class DeliveryWorker implements WorkHandler {

    /** How soon a waiting delivery looks again when the one before it is due now (it may be in flight). */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookSender sender;
    private final WorkQueue work;
    private final TransactionTemplate transactions;
    private final DeliverySchedule schedule;
    private final Clock clock;

    DeliveryWorker(DeliveryRepository deliveries, WebhookRepository webhooks, WebhookSender sender, WorkQueue work,
                   TransactionTemplate transactions, DeliverySchedule schedule, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.sender = sender;
        this.work = work;
        this.transactions = transactions;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WebhookOutbox.KIND;
    }

    @Override
    public void run(Lease lease) {
        Delivery delivery = deliveries.find(lease.key()).orElse(null);
        Webhook hook = delivery == null ? null : webhooks.find(delivery.webhookKey()).orElse(null);
        if (hook == null || delivery.status() != Delivery.Status.Pending) {
            work.end(lease); // the webhook was deleted, or another worker finished the delivery
            return;
        }
        Optional<Delivery> earlier = deliveries.pendingBefore(delivery);
        if (earlier.isPresent()) {
            Instant recheck = now().plus(RECHECK);
            Instant theirs = earlier.get().nextAttemptAt();
            work.snooze(lease, theirs != null && theirs.isAfter(recheck) ? theirs : recheck);
            return;
        }
        Optional<DeliveryAttempt> sent = sender.send(hook, delivery, delivery.attempts() + 1);
        if (sent.isEmpty()) {
            return; // interrupted: the lease runs out and the delivery is tried again
        }
        DeliveryAttempt attempt = sent.get();
        transactions.executeWithoutResult(tx -> {
            Instant now = now();
            deliveries.addAttempt(attempt);
            Optional<Instant> next = attempt.succeeded() ? Optional.empty()
                    : schedule.nextAttempt(attempt.attempt(), delivery.createdAt(), now);
            Delivery.Status status = attempt.succeeded() ? Delivery.Status.Delivered
                    : next.isPresent() ? Delivery.Status.Pending : Delivery.Status.GaveUp;
            if (!deliveries.afterAttempt(delivery, status, next.orElse(null), now)) {
                throw new LeaseLost(lease.key());
            }
            if (next.isPresent()) {
                work.snooze(lease, next.get());
            } else {
                work.end(lease);
                deliveries.pendingAfter(delivery).ifPresent(following -> work.wake(following, now));
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
