package dev.stageport.dependencies.api;

/** ODC's ImpactedDomain: a custom domain deleting the asset would affect (Stageport has none). */
public record ImpactedDomain(String key, String hostname, String environmentKey, String environmentName) {
}
