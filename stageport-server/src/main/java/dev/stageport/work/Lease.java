package dev.stageport.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A worker's hold on one operation: the item as it was claimed, the row version the
 * worker last wrote, and two flags other threads set: lost (a heartbeat failed, so
 * nothing more may be written) and stop (a cancel or a deadline; a waiting step wakes).
 */
public final class Lease {

    private static final ThreadLocal<Lease> CURRENT = new ThreadLocal<>();

    private final WorkItem claimed;
    private final String workerId;
    private final Clock clock;
    private long version;
    private volatile boolean lost;
    private volatile boolean stop;
    private volatile String step;
    private volatile boolean ended;
    /** The operation's effects are rows written with its progress: its boundaries need no durable flush. */
    private boolean effectsWithProgress;
    /** A completed step not recorded yet: the next step's start (or the snooze) records it. */
    private String unwrittenCompletion;
    /** Messages of the step in progress, written at its boundary or before it waits (worker thread only). */
    private final java.util.List<WorkMessage> unwrittenMessages = new java.util.ArrayList<>();
    /** Other writes of the step in progress that go with its boundary, like its messages ({@link #atStepEnd}). */
    private final java.util.List<Runnable> unwrittenWrites = new java.util.ArrayList<>();
    private boolean inStep;
    private Runnable beforeWait;

    public Lease(WorkItem claimed, String workerId) {
        this(claimed, workerId, Clock.systemUTC());
    }

    /** {@code clock} is the server's: a wait also ends once that clock passed it (the emulator moves it). */
    public Lease(WorkItem claimed, String workerId, Clock clock) {
        this.claimed = claimed;
        this.workerId = workerId;
        this.clock = clock;
        this.version = claimed.version() + 1;
    }

    public String key() {
        return claimed.key();
    }

    public String workerId() {
        return workerId;
    }

    /** The item as the sweeper found it: a previous holder means its worker died mid-operation. */
    public WorkItem claimed() {
        return claimed;
    }

    public boolean abandoned() {
        return claimed.claimedBy() != null;
    }

    long version() {
        return version;
    }

    void advanced() {
        version++;
    }

    /** The step in progress (or last started), for messages. */
    public String step() {
        return step != null ? step : claimed.currentStep();
    }

    void step(String step) {
        this.step = step;
    }

    /**
     * Says that what this operation's steps do is written with its recorded progress (a runtime whose
     * effects are database rows), so a crash loses both or neither and no boundary waits for a flush.
     */
    public void effectsWrittenWithProgress(boolean written) {
        this.effectsWithProgress = written;
    }

    boolean effectsWrittenWithProgress() {
        return effectsWithProgress;
    }

    String unwrittenCompletion() {
        return unwrittenCompletion;
    }

    boolean inStep() {
        return inStep;
    }

    void inStep(boolean inStep, Runnable beforeWait) {
        this.inStep = inStep;
        this.beforeWait = beforeWait;
    }

    void keepUnwritten(WorkMessage m) {
        unwrittenMessages.add(m);
    }

    boolean hasUnwrittenMessages() {
        return !unwrittenMessages.isEmpty() || !unwrittenWrites.isEmpty();
    }

    java.util.List<Runnable> takeUnwrittenWrites() {
        java.util.List<Runnable> taken = new java.util.ArrayList<>(unwrittenWrites);
        unwrittenWrites.clear();
        return taken;
    }

    /**
     * Runs {@code write} in the transaction of the step boundary that comes next, with the step's
     * messages (or before the step waits, or with the end) when the calling thread runs a step, or
     * after writes of its step still waiting for that; otherwise at once. A record of what a step did
     * then costs no transaction of its own, and is there exactly when the step's progress is.
     */
    public static void atStepEnd(Runnable write) {
        Lease lease = CURRENT.get();
        if (lease != null && (lease.inStep || !lease.unwrittenWrites.isEmpty())) {
            lease.unwrittenWrites.add(write);
        } else {
            write.run();
        }
    }

    java.util.List<WorkMessage> takeUnwrittenMessages() {
        java.util.List<WorkMessage> taken = new java.util.ArrayList<>(unwrittenMessages);
        unwrittenMessages.clear();
        return taken;
    }

    void completed(String step) {
        unwrittenCompletion = step;
    }

    void completionWritten() {
        unwrittenCompletion = null;
    }

    /** True once the operation's end was written (the transaction may still roll back). */
    public boolean ended() {
        return ended;
    }

    void ended(boolean ended) {
        this.ended = ended;
    }

    public boolean lost() {
        return lost;
    }

    synchronized void lose() {
        lost = true;
        notifyAll();
    }

    synchronized void stop() {
        stop = true;
        notifyAll();
    }

    /** The clock moved: a waiting step looks at it again. */
    synchronized void nudge() {
        notifyAll();
    }

    /** Throws when the worker must not write any more; called before every write. */
    public void ensureHeld() {
        if (lost) {
            throw new LeaseLost(key());
        }
    }

    void bind() {
        CURRENT.set(this);
    }

    void unbind() {
        CURRENT.remove();
    }

    /**
     * Waits like Thread.sleep, but a cancel, a passed deadline or a lost lease ends the
     * wait early, and it ends as soon as the server's clock passed the duration (a virtual
     * clock moved forward ends it at once; a clock that stands still does not prolong it). Does not use thread interrupts: an interrupted thread can make the
     * embedded database close its files. Returns false when the wait was cut short.
     */
    public static boolean pause(Duration duration) {
        Lease lease = CURRENT.get();
        if (lease == null) {
            try {
                Thread.sleep(duration.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (lease.beforeWait != null && lease.hasUnwrittenMessages()) {
            lease.beforeWait.run(); // whoever follows the operation sees what the step said before it waits
        }
        return lease.await(duration);
    }

    private synchronized boolean await(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        Instant until = clock.instant().plus(duration);
        try {
            while (!stop && !lost) {
                long left = deadline - System.nanoTime();
                Instant now = clock.instant();
                if (left <= 0 || !now.isBefore(until)) {
                    return true;
                }
                long byClock = Duration.between(now, until).toNanos();
                wait(Math.max(1, Math.min(left, byClock) / 1_000_000));
            }
        } catch (InterruptedException e) {
            // the server is stopping: leave the operation as it is, so it is resumed once the lease runs out
            lost = true;
            return false;
        }
        return false;
    }
}
