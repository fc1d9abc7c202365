package dev.stageport.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * webhook_event (the outbox), webhook_delivery and webhook_attempt. Every status write of a
 * delivery is conditional on the status and attempt count the worker read, so a worker that
 * lost its claim changes nothing.
 */
@Repository
public class DeliveryRepository {

    private static final String COLUMNS = """
            d.delivery_id, d.seq, d.webhook_key, d.event_id, e.event_type, d.order_key, d.status, d.attempts,
            d.next_attempt_at, d.redelivery_of, d.created_at, e.payload, e.order_key as operation_key""";
    private static final String FROM = " from webhook_delivery d join webhook_event e on e.event_id = d.event_id";

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertEvent(String eventId, WebhookEvent event, String payload, Instant now) {
        jdbc.sql("insert into webhook_event (event_id, event_type, environment_key, order_key, payload, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(eventId, event.type().wireName(), event.environmentKey(), event.orderKey(), payload, ts(now))
                .update();
    }

    public void insertDelivery(String deliveryId, String webhookKey, String eventId, String orderKey, Instant now,
                               String redeliveryOf) {
        jdbc.sql("insert into webhook_delivery (delivery_id, webhook_key, event_id, order_key, status, attempts,"
                        + " next_attempt_at, redelivery_of, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'Pending', 0, ?, ?, ?, ?)")
                .params(deliveryId, webhookKey, eventId, orderKey, ts(now), redeliveryOf, ts(now), ts(now)).update();
    }

    public Optional<Delivery> find(String deliveryId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.delivery_id = ?").param(deliveryId)
                .query(DeliveryRepository::map).optional();
    }

    /** The earliest still pending delivery before this one in its chain (same webhook and order key). */
    public Optional<Delivery> pendingBefore(Delivery delivery) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.webhook_key = ? and d.order_key = ? and d.seq < ?"
                        + " and d.status = 'Pending' order by d.seq limit 1")
                .params(delivery.webhookKey(), delivery.orderKey(), delivery.seq())
                .query(DeliveryRepository::map).optional();
    }

    /** The next pending delivery after this one in its chain, which may go once this one is done. */
    public Optional<String> pendingAfter(Delivery delivery) {
        return jdbc.sql("select delivery_id from webhook_delivery where webhook_key = ? and order_key = ? and seq > ?"
                        + " and status = 'Pending' order by seq limit 1")
                .params(delivery.webhookKey(), delivery.orderKey(), delivery.seq()).query(String.class).optional();
    }

    public void addAttempt(DeliveryAttempt attempt) {
        jdbc.sql("insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms,"
                        + " response_excerpt, error) values (?, ?, ?, ?, ?, ?, ?)")
                .params(attempt.deliveryId(), attempt.attempt(), ts(attempt.attemptedAt()), attempt.statusCode(),
                        attempt.latencyMillis(), attempt.responseExcerpt(), attempt.error())
                .update();
    }

    /**
     * Moves a pending delivery after one more attempt: to {@code status}, due again at {@code next}
     * (null when it is done). False when it is not as the worker read it.
     */
    public boolean afterAttempt(Delivery read, Delivery.Status status, Instant next, Instant now) {
        return jdbc.sql("update webhook_delivery set status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                        + " updated_at = ? where delivery_id = ? and status = 'Pending' and attempts = ?")
                .params(status.name(), ts(next), ts(now), read.id(), read.attempts()).update() == 1;
    }

    public List<Delivery> page(String webhookKey, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.webhook_key = ? order by d.seq desc limit ? offset ?")
                .params(webhookKey, limit, offset).query(DeliveryRepository::map).list();
    }


    public List<DeliveryAttempt> attempts(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error"
                        + " from webhook_attempt where delivery_id in (:ids) order by delivery_id, attempt")
                .param("ids", deliveryIds)
                .query((rs, n) -> {
                    int code = rs.getInt("status_code");
                    Integer status = rs.wasNull() ? null : code;
                    return new DeliveryAttempt(rs.getString("delivery_id"), rs.getInt("attempt"),
                            rs.getTimestamp("attempted_at").toInstant(), status,
                            rs.getLong("latency_ms"), rs.getString("response_excerpt"), rs.getString("error"));
                }).list();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new Delivery(rs.getString("delivery_id"), rs.getLong("seq"), rs.getString("webhook_key"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("order_key"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                next == null ? null : next.toInstant(), rs.getString("redelivery_of"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("payload"), rs.getString("operation_key"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
