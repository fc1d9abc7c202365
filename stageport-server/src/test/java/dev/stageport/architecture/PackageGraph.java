package dev.stageport.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which server package (dev.stageport.&lt;feature&gt;) uses which other, from the compiled classes. */
final class PackageGraph {

    private final Map<String, Set<String>> uses;

    private PackageGraph(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    static PackageGraph of(JavaClasses classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = feature(origin);
            if (from == null) {
                continue;
            }
            Set<String> targets = uses.computeIfAbsent(from, f -> new TreeSet<>());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return new PackageGraph(uses);
    }

    /** Each use that closes a cycle, written as the cycle: "a -> b -> ... -> a". */
    List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> path(to, from)
                .ifPresent(back -> cycles.add(from + " -> " + String.join(" -> ", back)))));
        return cycles;
    }

    /** The packages from {@code start} to {@code goal}, both included, if {@code goal} is reachable. */
    Optional<List<String>> path(String start, String goal) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String step = goal; step != null; step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                return Optional.of(path);
            }
            for (String next : uses.getOrDefault(at, Set.of())) {
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** The feature package of a server class; null for the application root and for other libraries. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("dev.stageport.")) {
            return null;
        }
        String rest = name.substring("dev.stageport.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
