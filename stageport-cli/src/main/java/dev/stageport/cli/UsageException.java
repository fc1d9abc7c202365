package dev.stageport.cli;

/** The user asked for something the command cannot do as asked (exit code 2). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
