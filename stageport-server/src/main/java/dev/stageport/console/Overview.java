package dev.stageport.console;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Stages × assets: for each asset, what runs in each stage the viewer may see, its last
 * operation, and whether configuration is pending. Stages without Stage > View are left
 * out entirely; an asset is listed when the viewer may open assets, or when it runs in a
 * stage they see.
 */
@Service
class Overview {

    record Cell(Integer revision, String tag, Instant deployedAt, String deployedBy,
                OverviewRepository.LastOperation last, boolean pending) {

        boolean empty() {
            return revision == null && last == null;
        }
    }

    record Row(OverviewRepository.AssetRow asset, List<Cell> cells) {
    }

    record Matrix(List<Stage> stages, List<Row> rows, List<String> types) {
    }

    private final OverviewRepository facts;
    private final PortfolioService portfolio;

    Overview(OverviewRepository facts, PortfolioService portfolio) {
        this.facts = facts;
        this.portfolio = portfolio;
    }

    Matrix matrix(Caller caller, String nameContains, String type) {
        List<Stage> stages = portfolio.visibleStages(caller);
        Set<String> visible = new HashSet<>(stages.stream().map(Stage::key).toList());
        Map<String, OverviewRepository.Running> running = new HashMap<>();
        facts.running().stream().filter(r -> visible.contains(r.environmentKey()))
                .forEach(r -> running.put(r.environmentKey() + "/" + r.assetKey(), r));
        Map<String, OverviewRepository.LastOperation> last = new HashMap<>();
        facts.lastOperations().stream().filter(o -> visible.contains(o.environmentKey()))
                .forEach(o -> last.put(o.environmentKey() + "/" + o.assetKey(), o));
        Set<String> pending = new HashSet<>();
        facts.pending().forEach(p -> pending.add(p.environmentKey() + "/" + p.assetKey()));
        boolean opensAssets = caller.canAnywhere(Permission.ASSET_OPEN);
        String needle = nameContains == null ? "" : nameContains.strip().toLowerCase(Locale.ROOT);
        List<OverviewRepository.AssetRow> all = facts.assets();
        List<Row> rows = all.stream()
                .filter(a -> needle.isEmpty() || a.name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(a -> type == null || type.isBlank() || a.type().equals(type))
                .map(a -> new Row(a, stages.stream().map(s -> cell(s.key() + "/" + a.key(), running, last, pending))
                        .toList()))
                .filter(row -> opensAssets || row.cells().stream().anyMatch(c -> !c.empty()))
                .toList();
        List<String> types = all.stream().map(OverviewRepository.AssetRow::type).distinct().sorted().toList();
        return new Matrix(stages, rows, types);
    }

    private static Cell cell(String id, Map<String, OverviewRepository.Running> running,
                             Map<String, OverviewRepository.LastOperation> last, Set<String> pending) {
        OverviewRepository.Running r = running.get(id);
        return new Cell(r == null ? null : r.revision(), r == null ? null : r.tag(),
                r == null ? null : r.deployedAt(), r == null ? null : r.deployedBy(), last.get(id),
                r != null && pending.contains(id));
    }
}
