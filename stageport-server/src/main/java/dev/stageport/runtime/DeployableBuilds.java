package dev.stageport.runtime;

import dev.stageport.bundles.RunSpec;
import java.util.Optional;

/**
 * What the runtime may learn about a build without reading the builds' tables (the
 * Kubernetes manifest preview needs it); provided by deployments, which deploys builds.
 */
public interface DeployableBuilds {

    /** The asset's build with this key, if it has one. */
    Optional<DeployableBuild> find(String assetKey, String buildKey);

    /** A build as a driver runs it; {@code artifactDigest} and {@code runSpec} are null when it produced none. */
    record DeployableBuild(String key, int revision, boolean deployable, String artifactDigest, RunSpec runSpec) {
    }
}
