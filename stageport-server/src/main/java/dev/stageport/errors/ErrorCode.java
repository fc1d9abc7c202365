package dev.stageport.errors;

/**
 * Stable error codes, one per kind of refusal; clients may switch on {@code errorCode}.
 * Which HTTP status each one answers is the web layer's business (web/ErrorStatuses).
 */
public enum ErrorCode {
    VALIDATION_FAILED("Bad Request"),
    MALFORMED_REQUEST("Malformed request"),
    UNAUTHORIZED("Unauthorized"),
    FORBIDDEN("Forbidden"),
    NOT_FOUND("Not Found"),
    METHOD_NOT_ALLOWED("Method Not Allowed"),
    CONFLICT("Conflict"),
    UNPROCESSABLE("Unprocessable Content"),
    IDEMPOTENCY_KEY_REUSED("Idempotency key reused"),
    OPERATION_IN_PROGRESS("Operation in progress"),
    PROMOTION_RULE_BROKEN("Promotion rule broken"),
    STAGE_FROZEN("Stage frozen"),
    UNSUPPORTED_MEDIA_TYPE("Unsupported Media Type"),
    NOT_ACCEPTABLE("Not Acceptable"),
    PAYLOAD_TOO_LARGE("Payload Too Large"),
    TOO_MANY_REQUESTS("Too Many Requests"),
    INTERNAL_ERROR("Internal Server Error"),
    /** Only answered by the emulator's fault rules, shaped like any other error. */
    SERVICE_UNAVAILABLE("Service Unavailable");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The wire form, e.g. {@code OperationInProgress}. */
    public String wireName() {
        StringBuilder out = new StringBuilder();
        for (String part : name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return out.toString();
    }
}
