package dev.stageport.portfolio;

import java.time.Instant;

/**
 * A stage (ODC calls it an environment) and the runtime that runs its apps.
 * {@code runtimeSettings} is the driver's own JSON, opaque to everything else.
 */
public record Stage(
        String key,
        String name,
        Purpose purpose,
        int order,
        String hostname,
        String region,
        String hosting,
        String runtimeDriver,
        String runtimeSettings,
        Instant createdAt) {

    public enum Purpose { Development, NonProduction, Production, Unknown }
}
