package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The dependency graph as the Dependency Management API reads it: consumers,
 * producers, the producer graph and the elements of a revision. Everything needs
 * Asset management > Open; naming a stage needs it on that stage.
 */
@Service
public class DependencyService {

    private final RevisionCatalog catalog;
    private final ElementRepository elements;
    private final ProducerGraph graph;
    private final StageRepository stages;

    DependencyService(RevisionCatalog catalog, ElementRepository elements, ProducerGraph graph,
                      StageRepository stages) {
        this.catalog = catalog;
        this.elements = elements;
        this.graph = graph;
        this.stages = stages;
    }

    /** Consumers of the asset, or of one revision of it when {@code revision} is given. */
    public List<RevisionInfo> consumers(Caller caller, String assetKey, Integer revision, String environmentKey,
                                        String publicElementKey, Boolean allowMultipleVersions, String sort) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(assetKey, "assetKey").toString();
        checkSort(sort);
        if (revision != null) {
            catalog.require(key, revision, "assetKey", "revisionNumber");
        } else {
            catalog.requireAsset(key, "assetKey");
        }
        String stage = stage(caller, environmentKey);
        List<ElementRepository.ConsumerLink> links = elements.consumers(key, revision, publicElementKey);
        if (stage != null) {
            List<ElementRepository.ConsumerLink> deployed = elements.deployedIn(stage);
            links = links.stream().filter(deployed::contains).toList();
        }
        if (!Boolean.TRUE.equals(allowMultipleVersions)) {
            Map<String, ElementRepository.ConsumerLink> highest = new LinkedHashMap<>();
            for (ElementRepository.ConsumerLink link : links) {
                highest.merge(link.assetKey(), link, (a, b) -> a.revision() >= b.revision() ? a : b);
            }
            links = List.copyOf(highest.values());
        }
        List<RevisionInfo> out = new ArrayList<>();
        for (ElementRepository.ConsumerLink link : links) {
            catalog.find(link.assetKey(), link.revision()).ifPresent(out::add);
        }
        return sortInfos(out, sort);
    }

    public ProducerGraph.Result producerGraph(Caller caller, String assetKey, int revision, Integer maxDepth,
                                              String environmentKey, String producerTypeFilter, String sort) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(assetKey, "assetKey").toString();
        int depth = maxDepth == null ? 0 : maxDepth;
        if (depth < 0) {
            throw ApiException.badRequest("'maxDepth' must be 0 (unlimited) or more, got " + depth + ".");
        }
        ProducerGraph.TypeFilter filter = typeFilter(producerTypeFilter);
        checkSort(sort);
        String stage = stage(caller, environmentKey);
        RevisionInfo root = catalog.require(key, revision, "assetKey", "revisionNumber");
        return graph.walk(root, new ProducerGraph.Walk(depth, filter, stage, sort));
    }

    public record ElementOf(RevisionInfo owner, ElementSnapshot element) {
    }

    public List<ElementOf> publicElements(Caller caller, String assetKey, int revision, String sort,
                                          Boolean includeHidden) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        checkSort(sort);
        RevisionInfo owner = catalog.require(Keys.parse(assetKey, "assetKey").toString(), revision, "assetKey",
                "revisionNumber");
        boolean hidden = includeHidden == null || includeHidden;
        List<ElementOf> out = elements.elements(owner.assetKey(), revision).stream()
                .filter(e -> hidden || !e.hidden()).map(e -> new ElementOf(owner, e)).toList();
        return sortBy(out, e -> e.element().name(), sort);
    }

    public record ReferencedElement(RevisionInfo consumer, Asset producer, ElementSnapshot element) {
    }

    public List<ReferencedElement> referencedElements(Caller caller, String assetKey, int revision, String sort,
                                                      Boolean includeHidden) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        checkSort(sort);
        RevisionInfo consumer = catalog.require(Keys.parse(assetKey, "assetKey").toString(), revision,
                "assetKey", "revisionNumber");
        boolean hidden = includeHidden == null || includeHidden;
        List<ReferencedElement> out = new ArrayList<>();
        for (ElementRepository.Reference reference : elements.references(consumer.assetKey(), revision)) {
            if (hidden || !reference.element().hidden()) {
                catalog.asset(reference.producerKey()).ifPresent(producer ->
                        out.add(new ReferencedElement(consumer, producer, reference.element())));
            }
        }
        return sortBy(out, r -> r.element().name(), sort);
    }

    static ProducerGraph.TypeFilter typeFilter(String value) {
        if (value == null || value.isBlank()) {
            return ProducerGraph.TypeFilter.All;
        }
        return Arrays.stream(ProducerGraph.TypeFilter.values()).filter(f -> f.name().equalsIgnoreCase(value.trim()))
                .findFirst().orElseThrow(() -> ApiException.badRequest("'producerTypeFilter' must be one of "
                        + Arrays.toString(ProducerGraph.TypeFilter.values()) + ", got '" + value + "'."));
    }

    /** The stage named by {@code environmentKey} (null when absent); 404 when unknown, 403 without Open on it. */
    private String stage(Caller caller, String environmentKey) {
        if (environmentKey == null) {
            return null;
        }
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        if (stages.find(key).isEmpty()) {
            throw ApiException.stageNotFound(key, "environmentKey");
        }
        caller.require(Permission.ASSET_OPEN, key);
        return key;
    }

    static void checkSort(String sort) {
        if (sort != null && !sort.equals("name") && !sort.equals("-name")) {
            throw ApiException.badRequest("'sort' must be name or -name, got '" + sort + "'.");
        }
    }

    private static List<RevisionInfo> sortInfos(List<RevisionInfo> infos, String sort) {
        return sortBy(infos, RevisionInfo::name, sort);
    }

    private static <T> List<T> sortBy(List<T> items, java.util.function.Function<T, String> name, String sort) {
        if (sort == null) {
            return items;
        }
        Comparator<T> order = Comparator.comparing(t -> name.apply(t).toLowerCase(Locale.ROOT));
        return items.stream().sorted(sort.startsWith("-") ? order.reversed() : order).toList();
    }
}
