package dev.stageport.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.support.OneTickServerTest;
import dev.stageport.support.StatementCounter;
import dev.stageport.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

/** The step runner: transient failures are retried by the policy, others fail at once; progress is recorded. */
class StepRunnerTest extends OneTickServerTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ZERO, 2.0, Duration.ZERO);

    enum TestStep implements Step {
        First, Second;

        @Override
        public boolean effect() {
            return true;
        }

        @Override
        public boolean beforeSwitch() {
            return true;
        }

        @Override
        public boolean rerunnable() {
            return true;
        }

        @Override
        public String undo() {
            return "nothing";
        }
    }

    @Autowired
    WorkQueue queue;
    @Autowired
    StepRunner steps;

    private Lease claimed() {
        String key = UUID.randomUUID().toString();
        queue.enqueue(key, "test-only", clock.instant(), null);
        WorkItem item = queue.find(key).orElseThrow();
        Instant now = clock.instant();
        assertThat(queue.claim(item, "worker-a", now, now.plusSeconds(30))).isTrue();
        return new Lease(item, "worker-a");
    }

    @Test
    void aTransientFailureIsTriedAgainUntilItSucceedsAndTheNextStepsStartRecordsItAsCompleted() {
        Lease lease = claimed();
        AtomicInteger attempts = new AtomicInteger();
        steps.run(lease, List.of(TestStep.values()), TestStep.First, QUICK, (Runnable) () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RuntimeFailure("busy", true);
            }
        });
        assertThat(attempts).hasValue(3);
        steps.run(lease, List.of(TestStep.values()), TestStep.Second, QUICK, (Runnable) () -> { });
        WorkItem item = queue.find(lease.key()).orElseThrow();
        assertThat(item.lastCompletedStep()).isEqualTo("First");
        assertThat(item.currentStep()).isEqualTo("Second");
    }

    @Test
    void aTransientFailureCountsAsFailedOnceTheAttemptsAreUsedUp() {
        Lease lease = claimed();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> steps.run(lease, List.of(TestStep.values()), TestStep.First, QUICK, (Runnable) () -> {
            attempts.incrementAndGet();
            throw new TransientDataAccessResourceException("database busy");
        })).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(attempts).hasValue(3);
        assertThat(queue.find(lease.key()).orElseThrow().currentStep()).isEqualTo("First");
        assertThat(queue.find(lease.key()).orElseThrow().lastCompletedStep()).isNull();
    }

    @Test
    void aPermanentFailureOrAnIntegrityViolationFailsAtOnce() {
        Lease lease = claimed();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> steps.run(lease, List.of(TestStep.values()), TestStep.First, QUICK, (Runnable) () -> {
            attempts.incrementAndGet();
            throw new RuntimeFailure("broken");
        })).hasMessage("broken");
        assertThatThrownBy(() -> steps.run(lease, List.of(TestStep.values()), TestStep.Second, QUICK, (Runnable) () -> {
            attempts.incrementAndGet();
            throw new DuplicateKeyException("taken");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCancelRequestStopsTheOperationAtTheNextStepBoundary() {
        Lease lease = claimed();
        queue.requestCancel(lease.key(), "ops-team", "freeze");
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> steps.run(lease, List.of(TestStep.values()), TestStep.First, QUICK,
                (Runnable) attempts::incrementAndGet)).isInstanceOf(Stopped.class).hasMessage("Cancelled by ops-team: freeze");
        assertThat(attempts).hasValue(0);
    }

    @Test
    void theBoundaryAfterAStepWithAnEffectIsMadeDurableBeforeTheNextStepRuns() {
        Assumptions.assumeFalse(TestDatabase.postgresql(), "PostgreSQL makes every commit durable: nothing to flush");
        assertThat(flushesOfTwoEffectSteps(false)).isEqualTo(1);
    }

    @Test
    void effectsWrittenWithTheirProgressNeedNoDurableFlushAtTheBoundary() {
        assertThat(flushesOfTwoEffectSteps(true)).isZero();
    }

    /** The durable flushes (the embedded database's CHECKPOINT) this thread made while two effect steps ran. */
    private long flushesOfTwoEffectSteps(boolean effectsWrittenWithProgress) {
        Lease lease = claimed();
        lease.effectsWrittenWithProgress(effectsWrittenWithProgress);
        String thread = Thread.currentThread().getName();
        StatementCounter.start();
        steps.run(lease, List.of(TestStep.values()), TestStep.First, QUICK, (Runnable) () -> { });
        steps.run(lease, List.of(TestStep.values()), TestStep.Second, QUICK, (Runnable) () -> { });
        List<StatementCounter.Event> events = StatementCounter.stop();
        assertThat(queue.find(lease.key()).orElseThrow().lastCompletedStep()).isEqualTo("First");
        return events.stream().filter(e -> e.thread().equals(thread) && e.what().equals("checkpoint")).count();
    }
}
