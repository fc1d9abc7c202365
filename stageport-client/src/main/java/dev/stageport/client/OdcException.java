package dev.stageport.client;

import tools.jackson.databind.JsonNode;

/** A refused request: the HTTP status and the server's ProblemDetails (or OAuth2 error) when it sent one. */
public final class OdcException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public OdcException(int status, String message, JsonNode problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    static OdcException from(int status, JsonNode body) {
        String detail = null;
        if (body != null && body.isObject()) {
            detail = body.path("detail").asString(null);
            if (detail == null) {
                detail = body.path("error_description").asString(body.path("error").asString(null));
            }
        }
        return new OdcException(status, "HTTP " + status + (detail == null ? "" : ": " + detail), body);
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}
