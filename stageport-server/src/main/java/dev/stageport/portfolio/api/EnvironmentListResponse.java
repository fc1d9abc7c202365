package dev.stageport.portfolio.api;

import java.util.List;

public record EnvironmentListResponse<T>(List<T> results) {
}
