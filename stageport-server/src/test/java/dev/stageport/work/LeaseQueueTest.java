package dev.stageport.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.support.OneTickServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lease queue itself: claims, expiry, takeover, and that a worker without its claim writes nothing. */
class LeaseQueueTest extends OneTickServerTest {

    /** A kind no handler runs, so the engine's own cycles leave these items alone. */
    private static final String KIND = "test-only";

    @Autowired
    WorkQueue queue;
    @Autowired
    WorkMessages messages;

    private WorkItem enqueued() {
        String key = UUID.randomUUID().toString();
        queue.enqueue(key, KIND, clock.instant(), null);
        return queue.find(key).orElseThrow();
    }

    private WorkMessage text(String text) {
        return WorkMessage.of(clock.instant(), "Progress", "Info", text, "Step", null, null);
    }

    @Test
    void oneConditionalUpdateClaimsAndASecondClaimOfTheSameSnapshotLoses() {
        WorkItem item = enqueued();
        Instant now = clock.instant();
        assertThat(queue.claim(item, "worker-a", now, now.plusSeconds(30))).isTrue();
        assertThat(queue.claim(item, "worker-b", now, now.plusSeconds(30))).isFalse();
        assertThat(queue.candidates(java.util.List.of(KIND), now, 10)).extracting(WorkItem::key)
                .doesNotContain(item.key());
    }

    @Test
    void aWorkerThatLostItsClaimToAnotherWritesNoMessagesAndCannotRenew() {
        WorkItem item = enqueued();
        Instant now = clock.instant();
        assertThat(queue.claim(item, "worker-a", now, now.plusSeconds(1))).isTrue();
        Lease a = new Lease(item, "worker-a");
        messages.add(a, text("first"));

        clock.advance(Duration.ofSeconds(2));
        WorkItem expired = queue.candidates(java.util.List.of(KIND), clock.instant(), 100).stream()
                .filter(i -> i.key().equals(item.key())).findFirst().orElseThrow();
        assertThat(queue.claim(expired, "worker-b", clock.instant(), clock.instant().plusSeconds(30))).isTrue();

        assertThatThrownBy(() -> messages.add(a, text("late"))).isInstanceOf(LeaseLost.class);
        assertThat(a.lost()).isTrue();
        assertThatThrownBy(() -> messages.add(a, text("later still"))).isInstanceOf(LeaseLost.class);
        assertThat(queue.heartbeat(a, clock.instant().plusSeconds(30))).isFalse();
        assertThatThrownBy(() -> queue.startStep(a, "Next")).isInstanceOf(LeaseLost.class);
        assertThat(messages.all(item.key())).extracting(WorkMessage::message).containsExactly("first");
    }

    @Test
    void aWorkerWhoseLeaseRanOutWritesNothingEvenBeforeAnotherWorkerClaims() {
        WorkItem item = enqueued();
        Instant now = clock.instant();
        assertThat(queue.claim(item, "worker-a", now, now.plusSeconds(1))).isTrue();
        Lease a = new Lease(item, "worker-a");
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> messages.add(a, text("too late"))).isInstanceOf(LeaseLost.class);
        assertThat(messages.all(item.key())).isEmpty();
    }

    @Test
    void aCancelIsRecordedOnlyWhileTheItemRuns() {
        WorkItem item = enqueued();
        Instant now = clock.instant();
        assertThat(queue.claim(item, "worker-a", now, now.plusSeconds(30))).isTrue();
        Lease a = new Lease(item, "worker-a");
        assertThat(queue.requestCancel(item.key(), "someone", "because")).isTrue();
        assertThat(queue.find(item.key()).orElseThrow().cancelReason()).isEqualTo("because");
        queue.end(a);
        assertThat(a.ended()).isTrue();
        assertThat(queue.requestCancel(item.key(), "someone", "too late")).isFalse();
        assertThat(queue.requestCancel(UUID.randomUUID().toString(), "someone", "unknown")).isFalse();
    }
}
