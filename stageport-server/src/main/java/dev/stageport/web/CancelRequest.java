package dev.stageport.web;

import dev.stageport.errors.ApiException;

/** Body of POST /api/stageport/v1/{kind}-operations/{key}/cancel: why the operation is stopped. */
public record CancelRequest(String reason) {

    static final int MAX_REASON = 500;

    /** The reason, checked: required, non-blank, at most {@value #MAX_REASON} characters. */
    public static String reason(CancelRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiException.badRequest("'reason' is required: say why the operation is cancelled.");
        }
        if (request.reason().length() > MAX_REASON) {
            throw ApiException.badRequest("'reason' is longer than " + MAX_REASON + " characters.");
        }
        return request.reason().strip();
    }
}
