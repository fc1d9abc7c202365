package dev.stageport.errors;

/** A refusal that ends by itself at a known time; the web layer says when in a Retry-After header. */
public class RetryLaterException extends ApiException {

    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
