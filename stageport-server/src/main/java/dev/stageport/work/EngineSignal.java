package dev.stageport.work;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes idle workers as soon as a request records new work, so an operation
 * starts at once instead of at the next poll. A generation counter means a wake
 * that arrives while a worker is busy is not lost.
 */
@Component
public class EngineSignal {

    private long generation;

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    public synchronized long generation() {
        return generation;
    }

    /** Waits until a wake newer than {@code seen} or until {@code timeout}. */
    public synchronized void await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
