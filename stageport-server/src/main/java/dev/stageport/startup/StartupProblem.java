package dev.stageport.startup;

/**
 * A reason the server cannot start that the operator can fix: the message is the one
 * line printed instead of a stack trace, so it names the setting and what is wrong with it.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message, null, false, false);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
