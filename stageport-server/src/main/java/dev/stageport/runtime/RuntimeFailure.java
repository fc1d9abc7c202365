package dev.stageport.runtime;

/** A runtime step did not succeed; the message is shown to the user as the operation's Error message. */
public class RuntimeFailure extends RuntimeException {

    public RuntimeFailure(String message) {
        super(message);
    }
}
