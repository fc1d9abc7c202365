package dev.stageport.work;

import java.util.Optional;

/**
 * A port for failures planned ahead (the emulator's operation faults): asked at the start
 * of every step, it names the message an operation must fail with there, if any. Without
 * an implementation nothing is ever injected.
 */
public interface StepFaults {

    StepFaults NONE = (lease, step) -> Optional.empty();

    /** The message the operation held by {@code lease} must fail with at {@code step}, if one was planned. */
    Optional<String> failure(Lease lease, String step);
}
