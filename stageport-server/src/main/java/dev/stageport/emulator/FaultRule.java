package dev.stageport.emulator;

import java.time.Instant;

/**
 * A validated fault rule. {@code times} null means every matching call; {@code status} null
 * on an HTTP fault means the call is only slowed by {@code delayMillis}.
 */
public record FaultRule(
        String key,
        Kind kind,
        String method,
        PathTemplate path,
        Integer status,
        Integer retryAfterSeconds,
        int delayMillis,
        Integer times,
        int after,
        double probability,
        String operation,
        String environmentKey,
        String assetKey,
        String failAtStep,
        String message,
        Instant createdAt) {

    /** What a rule acts on. */
    public enum Kind { HTTP, OPERATION, BUILD }

    boolean matchesCall(String requestMethod, String requestPath) {
        return kind == Kind.HTTP && method.equalsIgnoreCase(requestMethod) && path.matches(requestPath);
    }

    boolean matchesOperation(String kindOfWork, String operationName, String environment, String asset) {
        boolean sameKind = switch (kind) {
            case OPERATION -> "deployment".equals(kindOfWork) && operation.equals(operationName);
            case BUILD -> "build".equals(kindOfWork);
            case HTTP -> false;
        };
        return sameKind && (environmentKey == null || environmentKey.equalsIgnoreCase(environment))
                && (assetKey == null || assetKey.equalsIgnoreCase(asset));
    }

    /** The rule as it would be written, with its defaults filled in. */
    FaultSpec spec() {
        boolean http = kind == Kind.HTTP;
        return new FaultSpec(method, http ? path.toString() : null, status, retryAfterSeconds,
                http ? delayMillis : null, times, after, probability, operation, environmentKey, assetKey,
                failAtStep, message, kind == Kind.BUILD ? Boolean.TRUE : null);
    }

    /** The Error message of an operation this rule ends. */
    String failureMessage() {
        return message != null && !message.isBlank() ? message : "The step " + failAtStep + " failed.";
    }
}
