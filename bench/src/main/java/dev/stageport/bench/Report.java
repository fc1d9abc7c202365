package dev.stageport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes docs/benchmarks.md from the runs' result files: each figure as min / median / max over the runs. */
final class Report {

    private Report() {
    }

    static void write(Path resultsDir, Path out, String mode) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> push = read(json, resultsDir, "push-latency-");
        List<JsonNode> startup = read(json, resultsDir, "startup-");
        List<JsonNode> followers = read(json, resultsDir, "followers-");
        List<JsonNode> engine = read(json, resultsDir, "engine-throughput-");
        Map<String, Map<Long, List<JsonNode>>> history = history(json, resultsDir);
        if (push.isEmpty() && startup.isEmpty() && followers.isEmpty() && engine.isEmpty() && history.isEmpty()) {
            throw new IllegalStateException("no results in " + resultsDir);
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured by `bench/run` on ").append(LocalDate.now(ZoneOffset.UTC)).append(" on this machine: ")
                .append(machine()).append(". Each figure is min / median / max over ")
                .append(Math.max(Math.max(push.size(), startup.size() / 2), Math.max(engine.size(), history.values()
                        .stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(0))))
                .append(" runs; every run starts fresh server processes (rate limits off) and the load comes from ")
                .append("separate processes on loopback. The machine is shared with other engineers' builds and ")
                .append("tests: the load average when the report was written was ").append(loadAverage())
                .append(", so absolute figures vary between runs; the references were measured in the same ")
                .append("minutes as Stageport, and CPU time per request is less sensitive to that noise.")
                .append("smoke".equals(mode) ? " **Smoke run (tiny sizes, CI): not a measurement.**" : "")
                .append("\n\n");
        Path serverJdk = resultsDir.resolve("server-jdk.txt");
        if (Files.exists(serverJdk) && !Files.readString(serverJdk).isBlank()) {
            md.append("Every server except the start-up table's runs on JDK ").append(Files.readString(serverJdk).trim())
                    .append(", the one `./stageport server` picks on this machine (WireMock runs on it too).\n\n");
        }
        Path conditions = resultsDir.resolve("conditions.md");
        if (Files.exists(conditions)) {
            // written by whoever ran the bench: what else the machine was doing
            md.append("**Conditions of this run.** ").append(Files.readString(conditions).trim()).append("\n\n");
        }
        if (!push.isEmpty()) {   // a BENCH_ONLY=startup run on an empty scratch folder has only start-up results
            Path skippedPolling = resultsDir.resolve("skipped-status-polling.txt");
            Sections.polling(md, read(json, resultsDir, "status-polling-"),
                    Files.exists(skippedPolling) ? Files.readString(skippedPolling) : null);
            Sections.push(md, push);
        }
        // each also alone: a BENCH_ONLY=followers, =engine or =history run on an empty scratch folder has only its results
        FollowersSection.write(md, followers);
        Sections.engine(md, engine, read(json, resultsDir, "pg-engine-throughput-"),
                read(json, resultsDir, "pg2-engine-throughput-"));
        Path chart = out.resolveSibling(out.getFileName().toString().replace(".md", "") + "-history.png");
        HistorySection.write(md, history, read(json, resultsDir, "historyload-"), chart);
        if (!push.isEmpty()) {
            Sections.footprint(md, read(json, resultsDir, "footprint-"));
        }
        Startup.section(md, startup);
        md.append(Sections.notes());
        md.append("Rerun with `bench/run` (about 30 minutes with `BENCH_SIZES=10000 BENCH_PG_SIZES=\"10000 1000000\"`; the default history sizes add hours of loading); it rewrites this page and the chart. `BENCH_ONLY=history bench/run` (or `startup`, `followers`, `engine`) reruns only that scenario.\n");
        Files.writeString(out, md.toString());
    }

    /** database (h2 first) -> rows -> runs; a result without a database is from the embedded one. */
    private static Map<String, Map<Long, List<JsonNode>>> history(JsonMapper json, Path dir) throws IOException {
        Map<String, Map<Long, List<JsonNode>>> byDatabase = new LinkedHashMap<>();
        List<JsonNode> all = read(json, dir, "history-");
        for (String db : List.of("h2", "postgresql")) {
            List<JsonNode> runs = all.stream().filter(r -> r.path("database").asString("h2").equals(db)).toList();
            Map<Long, List<JsonNode>> bySize = new LinkedHashMap<>();
            new TreeSet<>(runs.stream().map(r -> r.path("rows").asLong()).toList()).forEach(size -> bySize.put(size,
                    runs.stream().filter(r -> r.path("rows").asLong() == size).toList()));
            if (!bySize.isEmpty()) {
                byDatabase.put(db, bySize);
            }
        }
        return byDatabase;
    }

    static List<JsonNode> read(JsonMapper json, Path dir, String prefix) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                runs.add(json.readTree(Files.readString(file)));
            }
        }
        return runs;
    }

    static double[] values(List<JsonNode> runs, ToDoubleFunction<JsonNode> field) {
        return runs.stream().mapToDouble(field).sorted().toArray();
    }

    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    /** min / median / max with the given format per value. */
    static String spread(List<JsonNode> runs, ToDoubleFunction<JsonNode> field, String format) {
        double[] v = values(runs, field);
        if (v.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, v[0], median(v), v[v.length - 1]);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " (1 min, 2 cores)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: keep "unknown CPU"
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + ", server heap limit 512 MB";
    }
}
