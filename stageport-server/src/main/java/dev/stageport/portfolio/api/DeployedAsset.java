package dev.stageport.portfolio.api;

import java.util.List;

/** One asset and where it is deployed (the portfolio's DeployedAsset schema). */
public record DeployedAsset(String type, String key, boolean isBuiltIn, List<Deployment> deployments) {
}
