package dev.stageport.policy;

import dev.stageport.errors.ApiException;

/** Body of POST /api/stageport/v1/approvals/{approvalKey}/approve and /reject: why. */
public record DecisionRequest(String comment) {

    static final int MAX_COMMENT = 500;

    static String comment(DecisionRequest request) {
        if (request == null || request.comment() == null || request.comment().isBlank()) {
            throw ApiException.badRequest("'comment' is required: say why you decide so.");
        }
        if (request.comment().length() > MAX_COMMENT) {
            throw ApiException.badRequest("'comment' is longer than " + MAX_COMMENT + " characters.");
        }
        return request.comment().strip();
    }
}
