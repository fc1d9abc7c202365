package dev.stageport.runtime;

import dev.stageport.work.TransientFailure;

/**
 * A runtime step did not succeed; the message is shown to the user as the operation's
 * Error message. A transient failure (a busy API, a timeout) is tried again by the
 * engine's retry policy before it counts as failed.
 */
public class RuntimeFailure extends RuntimeException implements TransientFailure {

    private final boolean transientFailure;

    public RuntimeFailure(String message) {
        this(message, false);
    }

    public RuntimeFailure(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    @Override
    public boolean transientFailure() {
        return transientFailure;
    }
}
