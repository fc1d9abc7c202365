package dev.stageport.assets;

import dev.stageport.bundles.Bundle;
import java.util.List;

/**
 * What an upload needs of the dependency graph, which reads the asset repository and so
 * stands above it (docs/architecture.md): a bundle's references to other assets' public
 * elements are checked before its revision is written, and stored with it.
 * {@code dependencies.DependencyRecorder} implements it.
 */
public interface ElementReferences {

    /** Every reference problem of the bundle (its malformed references were reported by the parser). */
    List<String> problems(Bundle bundle);

    /** Stores what the new revision offers and uses; called in the transaction that inserts the revision. */
    void record(Bundle bundle, int revision);
}
