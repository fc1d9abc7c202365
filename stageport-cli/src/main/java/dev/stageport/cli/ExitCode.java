package dev.stageport.cli;

/** The documented exit codes of the stageport command (docs/cli.md). */
public final class ExitCode {

    public static final int OK = 0;
    /** The operation ran and ended FinishedWithError. */
    public static final int OPERATION_FAILED = 1;
    /** Wrong flags or arguments. */
    public static final int USAGE = 2;
    /** Waiting for an operation took longer than --timeout. */
    public static final int TIMEOUT = 3;
    /** No or rejected credentials (401), or a missing permission (403). */
    public static final int AUTH = 4;
    /** The server failed (5xx) or could not be reached. */
    public static final int SERVER = 5;
    /** The server refused the request (other 4xx: bad input, not found, conflict). */
    public static final int REJECTED = 6;

    private ExitCode() {
    }

    public static int forHttpStatus(int status) {
        if (status == 401 || status == 403) {
            return AUTH;
        }
        if (status == 0 || status >= 500) {
            return SERVER;
        }
        return REJECTED;
    }
}
