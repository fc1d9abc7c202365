package dev.stageport.portfolio;

import java.time.Instant;

/**
 * What runs in one stage for one asset now. {@code configSnapshot} is the
 * effective configuration that deployment applied (JSON; secrets stay sealed).
 */
public record DeployedAsset(
        String environmentKey,
        String assetKey,
        int revision,
        String buildKey,
        String deploymentKey,
        Instant deployedAt,
        String deployedBy,
        String configSnapshot) {
}
