package dev.stageport.builds;

import dev.stageport.bundles.RunSpec;

/**
 * What a build produced: the artifact's digest in the
 * {@link dev.stageport.artifacts.ArtifactStore} and how to run it
 * ({@code runSpec} is null for a library, which does not run on its own).
 */
public record BuildArtifact(String digest, RunSpec runSpec) {
}
