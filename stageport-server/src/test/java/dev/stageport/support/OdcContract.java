package dev.stageport.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every answer of an ODC path against the official OpenAPI document of that API:
 * status, headers, content type and body. Paths outside the documents (Stageport's own
 * {@code /api/stageport/v1/...}, sub-resources such as {@code .../events}, identity) pass
 * unchecked. The choices where the documents and the prose disagree are in
 * docs/odc-conformance.md; this class applies exactly those and nothing more lenient.
 */
public final class OdcContract {

    /** 4xx statuses an operation may document; the first one it does is used for an undocumented 4xx. */
    private static final List<Integer> PROBLEM_STATUSES = List.of(400, 404, 403, 401, 422, 429);
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OdcContract() {
    }

    /** Checks an answer the JDK client received; its request gives the method and path. */
    public static void verify(HttpResponse<?> response, String body) {
        Map<String, List<String>> headers = response.headers().map();
        verify(response.request().method(), response.uri(), response.statusCode(), headers,
                body == null ? "" : body);
    }

    public static void verify(String method, URI uri, int status, Map<String, List<String>> headers, String body) {
        String path = uri.getPath();
        Optional<OdcDocuments.Document> document = OdcDocuments.forPath(path);
        Request.Method requestMethod = method(method);
        if (document.isEmpty() || requestMethod == null) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(document.get().file(),
                f -> OpenApiInteractionValidator.createForInlineApiSpecification(document.get().json())
                        .withBasePathOverride(document.get().basePath())
                        // the validator would treat every schema without additionalProperties as closed;
                        // the documents close most of theirs themselves, and those checks stay on
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                                .build())
                        .build());
        ValidationReport report = validator.validateResponse(path, requestMethod,
                response(status, headers, body));
        if (undocumentedOperation(report)) {
            return;
        }
        if (status >= 400 && status < 500 && has(report, "validation.response.status.unknown")) {
            report = asDocumentedProblem(validator, path, requestMethod, headers, body, status);
        }
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer " + status + " to " + method + " " + uri + " does not match "
                    + document.get().file() + ":\n  " + String.join("\n  ", errors) + "\nbody: " + abbreviate(body));
        }
    }

    /**
     * A 4xx the operation does not list (a 403 on the deployments API, a 409, a 413) must still be
     * a ProblemDetails as the document defines it: checked as the first 4xx the operation lists.
     */
    private static ValidationReport asDocumentedProblem(OpenApiInteractionValidator validator, String path,
                                                        Request.Method method, Map<String, List<String>> headers,
                                                        String body, int status) {
        for (int documented : PROBLEM_STATUSES) {
            ValidationReport report = validator.validateResponse(path, method, response(documented, headers, body));
            if (!has(report, "validation.response.status.unknown")) {
                return report;
            }
        }
        return ValidationReport.singleton(ValidationReport.Message.create("stageport.status.undocumented",
                "status " + status + " on an operation that documents no ProblemDetails answer").build());
    }

    private static SimpleResponse response(int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type") && !name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        contentType(headers).ifPresent(builder::withContentType);
        if (!body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    /**
     * The documents declare every ProblemDetails answer as {@code application/json}; Stageport sends
     * RFC 7807's {@code application/problem+json} (docs/odc-conformance.md), which is that JSON.
     */
    private static Optional<String> contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .flatMap(e -> e.getValue().stream()).findFirst()
                .map(value -> value.replaceFirst("^application/problem\\+json", "application/json"));
    }

    private static boolean undocumentedOperation(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().endsWith(".path.missing")
                || m.getKey().endsWith(".operation.notAllowed"));
    }

    private static boolean has(ValidationReport report, String key) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
    }

    private static Request.Method method(String method) {
        try {
            return Request.Method.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }
}
