package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import dev.stageport.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Renders every error a controller can raise as one ProblemDetails shape. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    public ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetails> api(ApiException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetails> problem = problems.entity(request, e.code(), e.getMessage(), e.problems());
        if (e instanceof dev.stageport.errors.RetryLaterException later) {
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header("Retry-After", Long.toString(later.retryAfterSeconds())).body(problem.getBody());
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetails> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (BodySizeLimit.causedBy(e)) {
            return problems.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, BodySizeLimit.DETAIL, null);
        }
        return problems.entity(request, ErrorCode.MALFORMED_REQUEST, describeUnreadable(e), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetails> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : expectedName(e.getRequiredType());
        return problems.entity(request, ErrorCode.VALIDATION_FAILED,
                "'" + e.getName() + "' must be " + expected + ", got '" + e.getValue() + "'.", null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetails> missingParameter(MissingServletRequestParameterException e,
                                                    HttpServletRequest request) {
        return problems.entity(request, ErrorCode.VALIDATION_FAILED,
                "The query parameter '" + e.getParameterName() + "' is required.", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetails> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.METHOD_NOT_ALLOWED,
                "The method " + e.getMethod() + " is not supported on this path; supported: "
                        + e.getSupportedHttpMethods() + ".", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetails> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + e.getContentType() + " is not supported; send application/json.", null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetails> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.NOT_ACCEPTABLE,
                "This resource is only available as application/json.", null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetails> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetails> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problems.entity(request, ErrorCode.NOT_FOUND, PathHints.notFoundDetail(request.getRequestURI()), null);
    }

    /**
     * A follower of an event stream or a long poll that hung up: nothing can be written to it
     * any more, and trying would fail again on the response's content type. Spring's own
     * handler answers nothing here too.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    ResponseEntity<ProblemDetails> clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.info(ClientAborts.describe(request, e));
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetails> unexpected(Exception e, HttpServletRequest request) {
        if (BodySizeLimit.causedBy(e)) {
            return problems.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, BodySizeLimit.DETAIL, null);
        }
        if (ClientAborts.causedBy(e)) {
            log.info(ClientAborts.describe(request, e));
            return problems.entity(request, ErrorCode.MALFORMED_REQUEST, ClientAborts.DETAIL, null);
        }
        log.error("Unexpected error on {} {} (traceId {})", request.getMethod(), request.getRequestURI(),
                TraceIds.of(request), e);
        return problems.entity(request, ErrorCode.INTERNAL_ERROR,
                "An unexpected error occurred; quote the traceId when reporting it.", List.of());
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return "The field '" + path(invalid) + "' has an invalid value '" + invalid.getValue() + "'"
                    + expectedSuffix(invalid.getTargetType()) + ".";
        }
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return "The field '" + path(bind) + "' could not be read: " + firstLine(bind.getOriginalMessage()) + ".";
        }
        if (cause instanceof JacksonException jackson) {
            return "The request body is not valid JSON: " + firstLine(jackson.getOriginalMessage()) + ".";
        }
        return "The request body is missing or is not valid JSON.";
    }

    private static String path(DatabindException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expectedSuffix(Class<?> type) {
        return type == null ? "" : "; expected " + expectedName(type);
    }

    private static String expectedName(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "an RFC 3339 date-time";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
