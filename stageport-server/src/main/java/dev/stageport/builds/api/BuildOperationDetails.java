package dev.stageport.builds.api;

import dev.stageport.builds.Build;
import java.util.UUID;

/** Body of POST /build-operations; {@code buildType} defaults to Debug, as the spec says. */
public record BuildOperationDetails(UUID assetKey, Integer assetRevision, Build.BuildType buildType) {
}
