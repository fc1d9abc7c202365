package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.assets.ElementReferences;
import dev.stageport.bundles.Bundle;
import dev.stageport.bundles.PublicElement;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a bundle's element references against what their producers offer, and
 * stores a new revision's public elements, producers and referenced elements. A
 * reference is resolved once, at upload, like a library tag: the consumer keeps the
 * signature it was built against, which is what the analyses compare with later.
 */
@Component
public class DependencyRecorder implements ElementReferences {

    private final AssetRepository assets;
    private final ElementRepository elements;

    DependencyRecorder(AssetRepository assets, ElementRepository elements) {
        this.assets = assets;
        this.elements = elements;
    }

    private record Resolved(String producerKey, int revision, List<ElementSnapshot> elements) {
    }

    @Override
    public List<String> problems(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        resolve(bundle, problems);
        return problems;
    }

    @Override
    public void record(Bundle bundle, int revision) {
        List<String> problems = new ArrayList<>();
        List<Resolved> resolved = resolve(bundle, problems);
        if (!problems.isEmpty()) {
            // a producer got a new revision between the check and the write: the upload may simply be retried
            throw ApiException.conflict("A producer changed while the bundle was checked; retry the upload. "
                    + String.join(" ", problems));
        }
        for (PublicElement element : bundle.publicElements()) {
            elements.insertElement(bundle.assetKey(), revision, ElementSnapshot.of(element));
        }
        Map<String, Integer> producers = new LinkedHashMap<>();
        for (ConfigSchema.LibraryRef library : bundle.configuration().libraries()) {
            producers.put(library.assetKey(), library.revision());
        }
        for (Resolved r : resolved) {
            producers.put(r.producerKey(), r.revision());
        }
        producers.forEach((key, rev) -> elements.insertProducer(bundle.assetKey(), revision,
                new ElementRepository.ProducerLink(key, rev)));
        for (Resolved r : resolved) {
            for (ElementSnapshot element : r.elements()) {
                elements.insertReference(bundle.assetKey(), revision, r.producerKey(), element);
            }
        }
    }

    private List<Resolved> resolve(Bundle bundle, List<String> problems) {
        List<Resolved> out = new ArrayList<>();
        List<Bundle.ElementReference> references = bundle.references();
        for (int i = 0; i < references.size(); i++) {
            Bundle.ElementReference reference = references.get(i);
            String at = "references[" + i + "]";
            if (reference.assetKey() == null) {
                continue;
            }
            if (reference.assetKey().equals(bundle.assetKey())) {
                problems.add(at + " references the bundle's own asset.");
                continue;
            }
            Optional<Asset> producer = assets.find(reference.assetKey());
            if (producer.isEmpty()) {
                problems.add(at + " references the asset " + reference.assetKey() + ", which does not exist.");
                continue;
            }
            Optional<Integer> revision = revision(bundle, reference, producer.get(), at, problems);
            if (revision.isEmpty()) {
                continue;
            }
            List<ElementSnapshot> used = new ArrayList<>();
            for (String key : reference.elements()) {
                Optional<ElementSnapshot> element = elements.element(reference.assetKey(), revision.get(), key);
                if (element.isEmpty()) {
                    problems.add(at + ".elements names '" + key + "', which revision " + revision.get() + " of "
                            + producer.get().name() + " (" + reference.assetKey() + ") does not offer.");
                } else {
                    used.add(element.get());
                }
            }
            out.add(new Resolved(reference.assetKey(), revision.get(), used));
        }
        return out;
    }

    /** A library's revision is the one configuration.libraries names; an app's is given or its newest. */
    private Optional<Integer> revision(Bundle bundle, Bundle.ElementReference reference, Asset producer, String at,
                                       List<String> problems) {
        if (Bundle.LIBRARY_TYPE.equals(producer.assetType())) {
            if (reference.revision() != null) {
                problems.add(at + ".revision is not for a library: its revision comes from configuration.libraries.");
                return Optional.empty();
            }
            Optional<Integer> resolved = bundle.configuration().libraries().stream()
                    .filter(l -> l.assetKey().equals(reference.assetKey())).map(ConfigSchema.LibraryRef::revision)
                    .findFirst();
            if (resolved.isPresent()) {
                return resolved;
            }
            Optional<Bundle.LibraryReference> declared = bundle.libraries().stream()
                    .filter(l -> reference.assetKey().equals(l.assetKey())).findFirst();
            if (declared.isEmpty()) {
                problems.add(at + " references the library " + reference.assetKey()
                        + ", which configuration.libraries does not list; add it there with its revision or tag.");
                return Optional.empty();
            }
            // an unresolvable library reference was reported by the library resolver already
            return (declared.get().tag() != null ? assets.findByTag(reference.assetKey(), declared.get().tag())
                    : declared.get().revision() == null ? Optional.<AssetRevision>empty()
                    : assets.findRevision(reference.assetKey(), declared.get().revision()))
                    .map(AssetRevision::revision);
        }
        Optional<AssetRevision> revision = reference.revision() != null
                ? assets.findRevision(reference.assetKey(), reference.revision())
                : assets.latestRevision(reference.assetKey());
        if (revision.isEmpty()) {
            problems.add(at + " references revision " + reference.revision() + " of " + producer.name() + " ("
                    + reference.assetKey() + "), which does not exist.");
        }
        return revision.map(AssetRevision::revision);
    }
}
