package dev.stageport.errors;

import java.util.List;

/**
 * The one exception type the domain throws for a request it refuses. The handler
 * renders it as an RFC 7807 ProblemDetails; {@link ErrorCode} fixes its title,
 * and the web layer the status.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<String> problems;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<String> problems) {
        super(detail);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    /** Individual findings when one request has several problems (each is one sentence). */
    public List<String> problems() {
        return problems;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ErrorCode.NOT_FOUND, detail);
    }

    /**
     * A stage key that names no stage the caller may see. The words are the same whether the
     * stage does not exist or is hidden from the caller, so a refusal does not reveal which.
     */
    public static ApiException stageNotFound(String environmentKey) {
        return notFound("No stage with key " + environmentKey + ": not found or not permitted.");
    }

    public static ApiException stageNotFound(String environmentKey, String parameter) {
        return notFound("No stage with key " + environmentKey + " ('" + parameter
                + "'): not found or not permitted.");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ErrorCode.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }
}
