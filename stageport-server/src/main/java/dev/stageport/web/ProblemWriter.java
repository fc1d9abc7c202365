package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds every ProblemDetails body, whether the error comes from a controller
 * (through {@link ApiExceptionHandler}) or from the security filters, which run
 * before any controller exists.
 */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public ProblemDetails problem(HttpServletRequest request, ErrorCode code, String detail, List<String> errors) {
        return problem(request, code, detail, errors, request.getRequestURI());
    }

    /** With an explicit {@code instance}: the error page names the path that failed, not /error. */
    public ProblemDetails problem(HttpServletRequest request, ErrorCode code, String detail, List<String> errors,
                                  String instance) {
        // the log pattern adds the request's traceId (MDC), so this line matches the body's traceId;
        // 4xx answers are routine (DEBUG), a 5xx one deserves attention
        if (ErrorStatuses.of(code).is5xxServerError()) {
            log.warn("{} {} answered {} {}: {}", request.getMethod(), request.getRequestURI(),
                    ErrorStatuses.of(code).value(), code.wireName(), detail);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} answered {} {}: {}", request.getMethod(), request.getRequestURI(),
                    ErrorStatuses.of(code).value(), code.wireName(), detail);
        }
        return new ProblemDetails(
                "https://stageport.dev/problems/" + code.wireName(),
                code.title(),
                ErrorStatuses.of(code).value(),
                detail,
                instance,
                TraceIds.of(request),
                code.wireName(),
                errors == null || errors.isEmpty() ? null : errors);
    }

    public ResponseEntity<ProblemDetails> entity(HttpServletRequest request, ErrorCode code, String detail,
                                                 List<String> errors) {
        return ResponseEntity.status(ErrorStatuses.of(code))
                .contentType(PROBLEM_JSON)
                .body(problem(request, code, detail, errors));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(ErrorStatuses.of(code).value());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem(request, code, detail, null));
    }
}
