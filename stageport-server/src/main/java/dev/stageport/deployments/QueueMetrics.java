package dev.stageport.deployments;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Queue depth and the age of the oldest waiting operation, read from the database
 * (the queue is shared by all replicas, so no in-memory count would be right). One
 * query serves every gauge read for a few seconds: however many scrapers poll, the
 * database sees at most one aggregate per cache period and replica.
 */
@Component
class QueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    private final DeploymentRepository operations;
    private final Clock clock;
    private final Duration cacheFor;
    private DeploymentRepository.Queue cached = new DeploymentRepository.Queue(0, null);
    private Instant readAt = Instant.MIN;

    QueueMetrics(DeploymentRepository operations, Clock clock, MeterRegistry registry,
                 @Value("${stageport.metrics.queue-cache:5s}") Duration cacheFor) {
        this.operations = operations;
        this.clock = clock;
        this.cacheFor = cacheFor;
        Gauge.builder("stageport.queue.depth", this, q -> q.read().depth())
                .description("Running operations waiting for a worker: never claimed, or their lease expired")
                .register(registry);
        Gauge.builder("stageport.queue.oldest.age", this, QueueMetrics::oldestAgeSeconds)
                .description("Seconds since the oldest waiting operation was started; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant oldest = read().oldestStartedAt();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Synchronized so concurrent scrapes wait for one query instead of each running their own. */
    private synchronized DeploymentRepository.Queue read() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(cacheFor))) {
            return cached;
        }
        try {
            cached = operations.queue(now);
        } catch (RuntimeException e) {
            // a scrape must not fail because the database hiccups; the readiness probe reports that
            log.warn("Could not read the operation queue for metrics: {}", e.toString());
        }
        readAt = now;
        return cached;
    }
}
