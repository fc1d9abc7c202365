package dev.stageport.dependencies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds the producer graph of a revision: what it was built against, and in turn
 * what those were built against. An asset already on the path is a cycle: it is
 * shown once more, without producers, and reported; it is never followed again.
 * With a stage, a deployable producer resolves to the revision deployed there and
 * one not deployed there is left out; a library keeps the revision its consumer
 * was built with (libraries are built into their consumers, not deployed).
 */
@Component
public class ProducerGraph {

    public enum TypeFilter { Deployable, Libraries, All }

    /** How to walk: {@code maxDepth} 0 is unlimited; {@code environmentKey} may be null; sort null, name or -name. */
    public record Walk(int maxDepth, TypeFilter filter, String environmentKey, String sort) {
    }

    public record Node(RevisionInfo info, boolean direct, List<Node> producers) {
    }

    /** The graph and every cycle met, each as the asset keys from the root round to the repeated one. */
    public record Result(List<Node> producers, List<List<String>> cycles) {
    }

    private final ElementRepository elements;
    private final RevisionCatalog catalog;

    ProducerGraph(ElementRepository elements, RevisionCatalog catalog) {
        this.elements = elements;
        this.catalog = catalog;
    }

    public Result walk(RevisionInfo root, Walk walk) {
        List<List<String>> cycles = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(root.assetKey()));
        List<Node> producers = children(root, 1, path, walk, cycles);
        return new Result(producers, cycles);
    }

    /** Every producer once (the first place it is met, breadth first), without the root itself. */
    public static List<Node> flatten(String rootKey, List<Node> graph) {
        Map<String, Node> seen = new LinkedHashMap<>();
        List<Node> level = graph;
        while (!level.isEmpty()) {
            List<Node> next = new ArrayList<>();
            for (Node node : level) {
                if (!node.info().assetKey().equals(rootKey) && !seen.containsKey(node.info().assetKey())) {
                    seen.put(node.info().assetKey(), node);
                }
                next.addAll(node.producers());
            }
            level = next;
        }
        return List.copyOf(seen.values());
    }

    private List<Node> children(RevisionInfo consumer, int depth, List<String> path, Walk walk,
                                List<List<String>> cycles) {
        List<Node> out = new ArrayList<>();
        if (walk.maxDepth() > 0 && depth > walk.maxDepth()) {
            return out;
        }
        for (ElementRepository.ProducerLink link : elements.producers(consumer.assetKey(), consumer.revision())) {
            Optional<RevisionInfo> producer = resolve(link, walk.environmentKey());
            if (producer.isEmpty()) {
                continue;
            }
            RevisionInfo info = producer.get();
            boolean direct = depth == 1;
            if (path.contains(info.assetKey())) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(info.assetKey());
                cycles.add(cycle);
                if (matches(info, walk.filter())) {
                    out.add(new Node(info, direct, List.of()));
                }
                continue;
            }
            path.add(info.assetKey());
            List<Node> below = children(info, depth + 1, path, walk, cycles);
            path.remove(path.size() - 1);
            if (matches(info, walk.filter())) {
                out.add(new Node(info, direct, below));
            } else {
                out.addAll(below);
            }
        }
        return sorted(dedup(out), walk.sort());
    }

    private Optional<RevisionInfo> resolve(ElementRepository.ProducerLink link, String environmentKey) {
        Optional<RevisionInfo> pinned = catalog.find(link.producerKey(), link.producerRevision());
        if (environmentKey == null || pinned.isEmpty() || !pinned.get().deployable()) {
            return pinned;
        }
        return elements.deployedRevision(environmentKey, link.producerKey())
                .flatMap(revision -> catalog.find(link.producerKey(), revision));
    }

    private static boolean matches(RevisionInfo info, TypeFilter filter) {
        return switch (filter) {
            case All -> true;
            case Deployable -> info.deployable();
            case Libraries -> !info.deployable();
        };
    }

    /** A producer lifted up from below a filtered-out one may also be a direct one: keep it once. */
    private static List<Node> dedup(List<Node> nodes) {
        Set<String> keys = new LinkedHashSet<>();
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            if (keys.add(node.info().assetKey())) {
                out.add(node);
            }
        }
        return out;
    }

    public static List<Node> sorted(List<Node> nodes, String sort) {
        if (sort == null) {
            return nodes;
        }
        Comparator<Node> byName = Comparator.comparing((Node n) -> n.info().name().toLowerCase(Locale.ROOT))
                .thenComparing(n -> n.info().assetKey());
        return nodes.stream().sorted(sort.startsWith("-") ? byName.reversed() : byName).toList();
    }
}
