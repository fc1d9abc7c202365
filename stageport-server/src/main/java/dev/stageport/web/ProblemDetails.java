package dev.stageport.web;

import java.util.List;

/** The ODC ProblemDetails schema, plus {@code errors} when one request broke several rules. */
public record ProblemDetails(
        String type,
        String title,
        Integer status,
        String detail,
        String instance,
        String traceId,
        String errorCode,
        List<String> errors) {
}
