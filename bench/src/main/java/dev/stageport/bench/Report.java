package dev.stageport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes docs/benchmarks.md from the runs' result files: each figure as min / median / max over the runs. */
final class Report {

    private Report() {
    }

    static void write(Path resultsDir, Path out) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> runs = read(json, resultsDir, "push-latency");
        List<JsonNode> throughput = read(json, resultsDir, "engine-throughput");
        if (runs.isEmpty()) {
            throw new IllegalStateException("no results in " + resultsDir);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured by `bench/run` on ").append(LocalDate.now(ZoneOffset.UTC)).append(" on this machine: ")
                .append(machine()).append(". Each figure is min / median / max over ").append(runs.size())
                .append(" runs; every run starts a fresh server process (embedded database, rate limits off) ")
                .append("and the load comes from a separate process on loopback.\n\n");
        md.append("## Push latency\n\n");
        md.append("Time from an operation's terminal status (the `finishedDateTime` the server stamps as it writes ")
                .append("the status) to a waiting client knowing it; ")
                .append(runs.get(0).path("operations").asInt()).append(" Deploy operations per run, each followed ")
                .append("once through the event stream and once through the long poll. Budget: p99 ≤ 100 ms.\n\n");
        md.append("| how the client waits | p50 (ms) | p99 (ms) |\n| --- | --- | --- |\n");
        row(md, "event stream (`/events`)", runs, "eventStream");
        row(md, "long poll (`?waitSeconds=30`)", runs, "longPoll");
        md.append("| polling as the ODC docs advise | up to 5 000 in the first 30 s | up to 30 000 afterwards |\n\n");
        md.append("The docs' schedule (every 5 s for 30 s, then every 30 s) learns of the end on the next poll, ")
                .append("so its delay is bounded by the interval, not by the server.\n\n");
        if (!throughput.isEmpty()) {
            md.append("## Engine throughput\n\n");
            md.append("1,000 Deploy operations over 100 apps × 3 stages on the simulated runtime with zero step ")
                    .append("time, posted by 16 concurrent clients that wait for their operations with the long poll; ")
                    .append("measured from the first POST until every operation is Finished (after a warm-up of 300). ")
                    .append("Embedded database, 4 engine workers. Budget: at least 200 operations per second.\n\n");
            md.append("| database | operations per second | all Finished |\n| --- | --- | --- |\n");
            md.append("| embedded (H2) | ").append(spread(throughput, "operationsPerSecond")).append(" | ")
                    .append(throughput.stream().allMatch(r -> r.path("finished").asInt() == r.path("operations")
                            .asInt()) ? "yes" : "no").append(" |\n\n");
        }
        md.append("Rerun with `bench/run` (a few minutes); it rewrites this page.\n");
        Files.writeString(out, md.toString());
    }

    private static List<JsonNode> read(JsonMapper json, Path dir, String scenario) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(scenario)).sorted().toList()) {
                runs.add(json.readTree(Files.readString(file)));
            }
        }
        return runs;
    }

    private static String spread(List<JsonNode> runs, String field) {
        double[] values = runs.stream().mapToDouble(r -> r.path(field).asDouble()).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", values[0], values[values.length / 2],
                values[values.length - 1]);
    }

    private static void row(StringBuilder md, String label, List<JsonNode> runs, String field) {
        md.append("| ").append(label).append(" | ").append(spread(runs, field, "p50")).append(" | ")
                .append(spread(runs, field, "p99")).append(" |\n");
    }

    private static String spread(List<JsonNode> runs, String field, String stat) {
        double[] values = runs.stream().mapToDouble(r -> r.path(field).path(stat).asDouble()).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", values[0], values[values.length / 2],
                values[values.length - 1]);
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
                + System.getProperty("java.version") + ", client heap limit "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}
