package dev.stageport.dependencies.api;

/** ODC's ReferenceKeyResponse: the key of a launched analysis. */
public record ReferenceKeyResponse(String analysisKey) {
}
