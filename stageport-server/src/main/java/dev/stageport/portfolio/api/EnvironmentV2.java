package dev.stageport.portfolio.api;

/** Portfolio v2 Environment: domains instead of hostname, and a self-hosted status. */
public record EnvironmentV2(String key, String name, String builtinDomain, String defaultDomain, String purpose,
                            int order, String region, String hosting, String status, String portfolioKey) {
}
