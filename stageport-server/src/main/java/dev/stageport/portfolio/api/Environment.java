package dev.stageport.portfolio.api;

/** Portfolio v1 Environment. */
public record Environment(String key, String name, String hostname, String purpose, int order, String region,
                          String hosting, boolean isConfigured, boolean isDeployedToCluster) {
}
