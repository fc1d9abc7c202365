package dev.stageport.work;

import dev.stageport.DurableWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the steps of a feature's plan for one lease: at every step boundary it honours
 * a cancel or a passed deadline, records the step as started and as completed, and
 * tries a transiently failing step again after {@link RetryPolicy#delayAfter}.
 */
@Component
public class StepRunner {

    private final WorkQueue queue;
    private final WorkMessages messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final StepFaults faults;
    private final DurableWrites durable;

    public StepRunner(WorkQueue queue, WorkMessages messages, TransactionTemplate transactions, Clock clock,
                      org.springframework.beans.factory.ObjectProvider<StepFaults> faults, DurableWrites durable) {
        this.durable = durable;
        this.queue = queue;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.faults = faults.getIfAvailable(() -> StepFaults.NONE);
    }

    public void run(Lease lease, List<? extends Step> plan, Step step, RetryPolicy retry, Runnable action) {
        run(lease, plan, step, retry, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs {@code step} of {@code plan}. On a resumed run a step a previous holder
     * completed is skipped when it has an effect, and run again without being recorded
     * when it only computes (a read), so the recorded progress never goes backwards.
     */
    public <T> T run(Lease lease, List<? extends Step> plan, Step step, RetryPolicy retry, Supplier<T> action) {
        if (completedBefore(lease, plan, step)) {
            checkpoint(lease, step.name());
            lease.step(step.name());
            return step.effect() ? null : inStep(lease, () -> attempt(lease, step, retry, action));
        }
        start(lease, plan, step);
        lease.step(step.name());
        faults.failure(lease, step.name()).ifPresent(message -> {
            throw new InjectedFailure(message);
        });
        T result = inStep(lease, () -> attempt(lease, step, retry, action));
        if (!lease.ended()) {
            lease.ensureHeld();
            if (step.rerunnable()) {
                lease.completed(step.name()); // recorded by the next step's start: one UPDATE for both
            } else {
                withMessages(lease, () -> { // a step that must not run twice is recorded at once
                    queue.completeStep(lease, step.name());
                    return true;
                });
                if (!lease.effectsWrittenWithProgress()) {
                    durable.flush(); // and kept: a resumed run must not ask the runtime whether it happened
                }
            }
        }
        return result;
    }

    /**
     * The step boundary: a cancel or a passed deadline stops the operation. The cancel is
     * checked by the UPDATE that records the start, so a step costs no read of the work item.
     * A boundary that records the completion of a step with an effect, or starts a step that must
     * not run twice, is made durable before the step runs: a server killed then redoes at most
     * the step in flight (docs/engine.md, "Durability"). Effects written with the progress itself
     * need no such flush: a crash loses both.
     */
    private void start(Lease lease, List<? extends Step> plan, Step next) {
        String step = next.name();
        boolean keep = !lease.effectsWrittenWithProgress()
                && (!next.rerunnable() || hasEffect(plan, lease.unwrittenCompletion()));
        lease.ensureHeld();
        WorkItem claimed = lease.claimed();
        if (claimed.deadlineAt() != null && clock.instant().isAfter(claimed.deadlineAt())) {
            checkpoint(lease, step);
        }
        if (withMessages(lease, () -> queue.tryStartStep(lease, step))) {
            if (keep) {
                durable.flush();
            }
            return;
        }
        WorkItem now = queue.find(lease.key()).orElse(null);
        if (now != null && lease.workerId().equals(now.claimedBy()) && now.version() == lease.version()
                && now.running() && now.cancelRequested()) {
            checkpoint(lease, step);
        }
        lease.lose();
        throw new LeaseLost(lease.key());
    }

    /**
     * Runs a progress write together with the messages the last step left, in one transaction:
     * a recorded completion always has its step's messages.
     */
    private boolean withMessages(Lease lease, Supplier<Boolean> write) {
        if (!lease.hasUnwrittenMessages()) {
            return write.get();
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            messages.flush(lease);
            return write.get();
        }));
    }

    /** While the step runs, its messages wait for its boundary (or are written before it waits). */
    private <T> T inStep(Lease lease, Supplier<T> run) {
        lease.inStep(true, () -> messages.flush(lease));
        try {
            return run.get();
        } finally {
            lease.inStep(false, null);
        }
    }

    private <T> T attempt(Lease lease, Step step, RetryPolicy retry, Supplier<T> action) {
        for (int failures = 0; ; ) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (Thread.interrupted()) {
                    // the server is stopping (the flag is cleared: the embedded database must not see it);
                    // the operation is left to be resumed once its lease runs out
                    lease.lose();
                }
                lease.ensureHeld();
                stopReason(lease, step.name()).ifPresent(reason -> {
                    throw new Stopped(reason);
                });
                failures++;
                Optional<Duration> delay = transientFailure(e) ? retry.delayAfter(failures) : Optional.empty();
                if (delay.isEmpty()) {
                    throw e;
                }
                Lease.pause(delay.get());
                checkpoint(lease, step.name());
            }
        }
    }

    /** Throws {@link Stopped} when the operation was cancelled or ran out of time. */
    public void checkpoint(Lease lease, String step) {
        lease.ensureHeld();
        stopReason(lease, step).ifPresent(reason -> {
            throw new Stopped(reason);
        });
    }

    /** Why the operation must stop now, if it must. */
    public Optional<String> stopReason(Lease lease, String step) {
        WorkItem item = queue.find(lease.key()).orElse(lease.claimed());
        if (item.cancelRequested()) {
            return Optional.of("Cancelled by " + item.cancelRequestedBy() + (item.cancelReason() == null
                    || item.cancelReason().isBlank() ? "." : ": " + item.cancelReason()));
        }
        Instant now = clock.instant();
        if (item.deadlineAt() != null && now.isAfter(item.deadlineAt())) {
            long seconds = Duration.between(item.createdAt(), item.deadlineAt()).toSeconds();
            return Optional.of("The deadline of " + seconds + " s passed during step " + step + ".");
        }
        return Optional.empty();
    }

    /**
     * Whether a previous holder of the lease completed {@code step}.
     */
    public boolean completedBefore(Lease lease, List<? extends Step> plan, Step step) {
        String last = lease.claimed().lastCompletedStep();
        if (last == null) {
            return false;
        }
        int lastIndex = indexOf(plan, last);
        return lastIndex >= 0 && plan.indexOf(step) <= lastIndex;
    }

    /** The step a dead worker was in the middle of when it cannot safely run again. */
    public Optional<Step> unsafeToResume(Lease lease, List<? extends Step> plan) {
        WorkItem item = lease.claimed();
        if (!lease.abandoned() || item.currentStep() == null || item.currentStep().equals(item.lastCompletedStep())) {
            return Optional.empty();
        }
        int index = indexOf(plan, item.currentStep());
        if (index < 0) {
            return Optional.empty();
        }
        Step inProgress = plan.get(index);
        return inProgress.rerunnable() ? Optional.empty() : Optional.of(inProgress);
    }

    private static boolean hasEffect(List<? extends Step> plan, String name) {
        int index = name == null ? -1 : indexOf(plan, name);
        return index >= 0 && plan.get(index).effect();
    }

    private static int indexOf(List<? extends Step> plan, String name) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static boolean transientFailure(RuntimeException e) {
        if (e instanceof TransientFailure t) {
            return t.transientFailure();
        }
        return e instanceof DataAccessException && !(e instanceof DataIntegrityViolationException);
    }
}
