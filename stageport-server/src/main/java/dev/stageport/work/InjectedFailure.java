package dev.stageport.work;

/** A step failed because a {@link StepFaults} rule said so; never tried again. */
public final class InjectedFailure extends RuntimeException {

    public InjectedFailure(String message) {
        super(message, null, false, false);
    }
}
