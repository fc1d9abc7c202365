package dev.stageport.work;

/** A failure that may pass if the step is tried again (a timeout, a busy dependency). */
public interface TransientFailure {

    boolean transientFailure();
}
