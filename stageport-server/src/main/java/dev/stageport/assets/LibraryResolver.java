package dev.stageport.assets;

import dev.stageport.bundles.Bundle;
import dev.stageport.bundles.BundleProblems;
import dev.stageport.configschema.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a bundle's library references into exact revisions: a tag is looked up
 * once, at upload (or build) time, so a later re-tag never changes what an
 * existing revision was built against. Every reference that does not resolve is
 * reported, together, as {@link BundleProblems}.
 */
@Component
class LibraryResolver {

    private final AssetRepository assets;

    LibraryResolver(AssetRepository assets) {
        this.assets = assets;
    }

    /** The bundle with {@code configuration().libraries()} filled in. */
    public Bundle resolve(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        List<ConfigSchema.LibraryRef> resolved = resolve(bundle, problems);
        if (!problems.isEmpty()) {
            throw new BundleProblems(problems);
        }
        return bundle.withResolvedLibraries(resolved);
    }

    /**
     * The reference problems of a bundle that has other problems too, so one answer
     * lists them all; references that are themselves malformed were reported already.
     */
    public List<String> problems(Bundle partial) {
        List<String> problems = new ArrayList<>();
        resolve(partial, problems);
        return problems;
    }

    private List<ConfigSchema.LibraryRef> resolve(Bundle bundle, List<String> problems) {
        List<ConfigSchema.LibraryRef> resolved = new ArrayList<>();
        List<Bundle.LibraryReference> references = bundle.libraries();
        for (int i = 0; i < references.size(); i++) {
            Bundle.LibraryReference reference = references.get(i);
            String at = "configuration.libraries[" + i + "]";
            if (reference.assetKey() == null || (reference.revision() == null) == (reference.tag() == null)) {
                continue;
            }
            if (reference.assetKey().equals(bundle.assetKey())) {
                problems.add(at + " references the bundle's own asset.");
                continue;
            }
            Optional<Asset> asset = assets.find(reference.assetKey());
            if (asset.isEmpty()) {
                problems.add(at + " references the asset " + reference.assetKey() + ", which does not exist.");
                continue;
            }
            if (!Bundle.LIBRARY_TYPE.equals(asset.get().assetType())) {
                problems.add(at + " references the asset " + reference.assetKey() + ", which is a "
                        + asset.get().assetType() + ", not a " + Bundle.LIBRARY_TYPE + ".");
                continue;
            }
            Optional<AssetRevision> revision = reference.tag() != null
                    ? assets.findByTag(reference.assetKey(), reference.tag())
                    : assets.findRevision(reference.assetKey(), reference.revision());
            if (revision.isEmpty()) {
                problems.add(at + " references " + (reference.tag() != null ? "the tag '" + reference.tag() + "'"
                        : "revision " + reference.revision()) + " of the library " + reference.assetKey()
                        + ", which does not exist.");
                continue;
            }
            resolved.add(new ConfigSchema.LibraryRef(reference.assetKey(), revision.get().revision()));
        }
        return resolved;
    }
}
