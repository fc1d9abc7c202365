package dev.stageport.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The history section of docs/benchmarks.md: one table per database, the loads, and the chart. */
final class HistorySection {

    static final double FIRST_PAGE_BUDGET_MS = 20;
    static final double DEEP_PAGE_BUDGET_MS = 50;
    private static final Map<String, String> LABELS = Map.of("h2", "Embedded database (H2)",
            "postgresql", "PostgreSQL");

    private HistorySection() {
    }

    /** {@code byDatabase}: database to rows to runs; {@code loads}: the loader's time and disk use per size. */
    static void write(StringBuilder md, Map<String, Map<Long, List<JsonNode>>> byDatabase, List<JsonNode> loads,
                      Path chart) throws IOException {
        if (byDatabase.isEmpty()) {
            return;
        }
        Map<Long, List<JsonNode>> any = byDatabase.values().iterator().next();
        JsonNode sample = any.values().iterator().next().get(0);
        String firstQuery = sample.path("queries").properties().iterator().next().getKey();
        md.append("## History at scale\n\n");
        md.append("`GET /api/deployments/v1/deployment-operations` with each filter the spec lists (sorted by ")
                .append("`-CreatedAt`; the last row sorts by `AssetName,-CreatedAt`), first page and a deep page ")
                .append("(offset ").append(HistoryQueries.DEEP_OFFSET).append("), 91–100 rows per page, one ")
                .append("request at a time, on the embedded database and on PostgreSQL (the embedded one the ")
                .append("tests use, default settings), each grown step by step with finished operations of the ")
                .append("same distribution (straight into the database while the server is stopped: `history-load` ")
                .append("into the H2 file, `history-load-pg` with generate_series, then VACUUM ANALYZE). One ")
                .append("server process per size answers the runs one after the other, after one untimed pass ")
                .append("over every query. Each cell is the p99 of ")
                .append(sample.path("queries").path(firstQuery).path("first").path("count").asInt())
                .append(" requests in ms, min / median / max over the runs. Budget at the largest size: first ")
                .append(String.format(Locale.ROOT, "page p99 ≤ %.0f ms, deep page p99 ≤ %.0f ms.\n\n",
                        FIRST_PAGE_BUDGET_MS, DEEP_PAGE_BUDGET_MS));
        List<Chart.Panel> panels = new ArrayList<>();
        for (Map.Entry<String, Map<Long, List<JsonNode>>> db : byDatabase.entrySet()) {
            String label = LABELS.getOrDefault(db.getKey(), db.getKey());
            md.append("### ").append(label).append("\n\n");
            Map<String, double[]> series = table(md, db.getValue());
            panels.add(new Chart.Panel(label, new ArrayList<>(db.getValue().keySet()), series));
        }
        if (!loads.isEmpty()) {
            md.append("Loading (one load per size, adding the rows the previous size did not have; disk use is ")
                    .append("the whole database afterwards):\n\n")
                    .append("| database | rows | load time (s) | on disk (MB) |\n| --- | --- | --- | --- |\n");
            for (JsonNode load : loads.stream().sorted(java.util.Comparator.comparing((JsonNode l) -> l.path(
                    "database").asString()).thenComparingLong(l -> l.path("rows").asLong())).toList()) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,d |\n",
                        LABELS.getOrDefault(load.path("database").asString(), load.path("database").asString()),
                        load.path("rows").asLong(), load.path("loadMs").asDouble() / 1000,
                        load.path("diskMb").asLong()));
            }
            md.append("\n");
        }
        Chart.write(chart, "Operation list, first page: p99 by table size (median run)", panels,
                FIRST_PAGE_BUDGET_MS);
        md.append("![p99 of the first page by table size, per database](").append(chart.getFileName())
                .append(")\n\n");
    }

    /** One database's table; returns each query's first-page p99 (median run) per size, for the chart. */
    private static Map<String, double[]> table(StringBuilder md, Map<Long, List<JsonNode>> bySize) {
        List<Long> sizes = new ArrayList<>(bySize.keySet());
        List<String> queries = new ArrayList<>();
        bySize.get(sizes.get(0)).get(0).path("queries").properties().forEach(e -> queries.add(e.getKey()));
        md.append("| filter | page |");
        sizes.forEach(s -> md.append(String.format(Locale.ROOT, " %,d rows |", s)));
        md.append(" verdict |\n| --- | --- |");
        sizes.forEach(s -> md.append(" --- |"));
        md.append(" --- |\n");
        Map<String, double[]> series = new LinkedHashMap<>();
        int met = 0;
        int total = 0;
        for (String q : queries) {
            for (String page : List.of("first", "deep")) {
                md.append("| ").append(q).append(" | ").append(page).append(" |");
                double[] medians = new double[sizes.size()];
                for (int i = 0; i < sizes.size(); i++) {
                    List<JsonNode> runs = bySize.get(sizes.get(i));
                    md.append(' ').append(Report.spread(runs,
                            r -> r.path("queries").path(q).path(page).path("p99").asDouble(), "%.1f")).append(" |");
                    medians[i] = Report.median(Report.values(runs,
                            r -> r.path("queries").path(q).path(page).path("p99").asDouble()));
                }
                double budget = "first".equals(page) ? FIRST_PAGE_BUDGET_MS : DEEP_PAGE_BUDGET_MS;
                boolean ok = medians[medians.length - 1] <= budget;
                met += ok ? 1 : 0;
                total++;
                md.append(' ').append(ok ? "meets" : "**misses**").append(" |\n");
                if ("first".equals(page)) {
                    series.put(q, medians);
                }
            }
        }
        md.append("\n").append(met).append(" of ").append(total).append(String.format(Locale.ROOT,
                " query/page pairs meet the budget at %,d rows.\n\n", sizes.get(sizes.size() - 1)));
        return series;
    }
}
