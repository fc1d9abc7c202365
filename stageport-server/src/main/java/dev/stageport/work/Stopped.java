package dev.stageport.work;

/**
 * The operation was stopped at a step boundary by a cancel request or by its stage's
 * deadline; {@link #getMessage()} is the Error message the operation ends with.
 */
public final class Stopped extends RuntimeException {

    public Stopped(String message) {
        super(message, null, false, false);
    }
}
