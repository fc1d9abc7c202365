package dev.stageport.dependencies.api;

/** ODC's EnvironmentReport: a stage the asset to delete is deployed in. */
public record EnvironmentReport(String environmentKey, String name, String purpose) {
}
