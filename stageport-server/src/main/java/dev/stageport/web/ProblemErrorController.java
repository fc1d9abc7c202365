package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's /error page so that errors no controller advice sees
 * (an exception in a filter, a status set by the container) are ProblemDetails
 * too. Requested directly, /error is just a path that does not exist: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetails> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = path == null ? request.getRequestURI() : path.toString();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ErrorCode code;
        String detail;
        if (status == null) {
            code = ErrorCode.NOT_FOUND;
            detail = PathHints.notFoundDetail(instance);
        } else if (BodySizeLimit.causedBy(failure)) {
            code = ErrorCode.PAYLOAD_TOO_LARGE;
            detail = BodySizeLimit.DETAIL;
        } else if (ClientAborts.causedBy(failure)) {
            code = ErrorCode.MALFORMED_REQUEST;
            detail = ClientAborts.DETAIL;
            log.info(ClientAborts.describe(request, failure));
        } else {
            code = forStatus((Integer) status);
            detail = code == ErrorCode.INTERNAL_ERROR
                    ? "An unexpected error occurred; quote the traceId when reporting it."
                    : describe(code, instance);
        }
        if (code == ErrorCode.INTERNAL_ERROR) {
            log.error("Unexpected error on {} (traceId {})", instance, TraceIds.of(request), failure);
        }
        return ResponseEntity.status(ErrorStatuses.of(code)).contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.problem(request, code, detail, null, instance));
    }

    private static ErrorCode forStatus(int status) {
        return Arrays.stream(ErrorCode.values()).filter(c -> ErrorStatuses.of(c).value() == status).findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST);
    }

    private static String describe(ErrorCode code, String instance) {
        return switch (code) {
            case NOT_FOUND -> PathHints.notFoundDetail(instance);
            case PAYLOAD_TOO_LARGE -> BodySizeLimit.DETAIL;
            case MALFORMED_REQUEST, VALIDATION_FAILED -> "The request could not be read.";
            default -> code.title() + ".";
        };
    }

}
