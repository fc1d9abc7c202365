package dev.stageport.identity.api;

import java.util.List;

public record ApiClientListResponse(List<ApiClientResponse> results) {
}
