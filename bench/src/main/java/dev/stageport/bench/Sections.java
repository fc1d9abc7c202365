package dev.stageport.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The sections of docs/benchmarks.md, one per scenario, each with its budget and verdict. */
final class Sections {

    /** Budgets of the status polling section (issue 19): ratios to the references, the running operation's rate. */
    private static final double VS_WIREMOCK = 2.0;
    private static final double VS_NGINX = 0.5;
    private static final int RUNNING_RPS = 10_000;
    private static final String RUNNING = "stageportRunning";

    /** The narrative after the tables: what the profiles showed and what was changed (a resource). */
    static String notes() throws IOException {
        try (var in = Sections.class.getResourceAsStream("/benchmark-notes.md")) {
            if (in == null) {
                throw new IOException("benchmark-notes.md is missing from the bench jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Sections() {
    }


    /** {@code skipped}: why bench/run skipped the scenario (its tools are missing), or null. */
    static void polling(StringBuilder md, List<JsonNode> runs, String skipped) {
        md.append("## Status polling\n\n");
        if (runs.isEmpty()) {
            md.append("**Skipped**: ").append(skipped == null ? "no results (wrk or nginx missing)" : skipped.trim())
                    .append(". Install the Debian packages wrk and nginx-light to measure it.\n\n");
            return;
        }
        md.append("`GET /api/deployments/v1/deployment-operations/{key}` of a finished operation with a valid ")
                .append("bearer token, 64 connections from wrk (2 threads) for ").append(runs.get(0).path("seconds")
                        .asInt()).append(" s after a warm-up, against the same ").append(runs.get(0)
                        .path("bodyBytes").asInt()).append("-byte JSON body served by nginx (static file) and by ")
                .append("WireMock standalone 3.13.2 (stub, warmed up the same way), measured one after the other ")
                .append("in the same run. Then the same load on a running operation (a Deploy held in AwaitApproval), ")
                .append("which no reference serves. Budget: ≥ ").append(VS_WIREMOCK).append(" × WireMock's requests ")
                .append("per second, ≥ ").append(VS_NGINX).append(" × nginx's, p99 ≤ 10 ms; the running operation ≥ ")
                .append(String.format(Locale.ROOT, "%,d", RUNNING_RPS)).append(" requests per second.\n\n");
        md.append("| server | requests/s | p50 (ms) | p99 (ms) | server CPU per request (ms) |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (String server : List.of("stageport", "wiremock", "nginx")) {
            md.append("| ").append(server).append(" | ")
                    .append(Report.spread(runs, r -> r.path(server).path("rps").asDouble(), "%.0f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(server).path("p50Ms").asDouble(), "%.1f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(server).path("p99Ms").asDouble(), "%.1f")).append(" | ")
                    .append(server.equals("nginx") ? "–" : Report.spread(runs,
                            r -> r.path(server).path("cpuMsPerRequest").asDouble(), "%.3f")).append(" |\n");
        }
        boolean running = runs.stream().allMatch(r -> r.has(RUNNING));
        if (running) {
            md.append("| stageport, running operation | ")
                    .append(Report.spread(runs, r -> r.path(RUNNING).path("rps").asDouble(), "%.0f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(RUNNING).path("p50Ms").asDouble(), "%.1f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(RUNNING).path("p99Ms").asDouble(), "%.1f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(RUNNING).path("cpuMsPerRequest").asDouble(), "%.3f"))
                    .append(" |\n");
        }
        double[] vsWiremock = Report.values(runs, r -> ratio(r, "wiremock"));
        double[] vsNginx = Report.values(runs, r -> ratio(r, "nginx"));
        double[] p99 = Report.values(runs, r -> r.path("stageport").path("p99Ms").asDouble());
        md.append("\nStageport ÷ WireMock: ").append(Report.spread(runs, r -> ratio(r, "wiremock"), "%.2f"))
                .append(" (budget ≥ ").append(VS_WIREMOCK).append(": ")
                .append(verdict(Report.median(vsWiremock) >= VS_WIREMOCK)).append("); ")
                .append("Stageport ÷ nginx: ").append(Report.spread(runs, r -> ratio(r, "nginx"), "%.2f"))
                .append(" (budget ≥ ").append(VS_NGINX).append(": ").append(verdict(Report.median(vsNginx) >= VS_NGINX))
                .append("); p99 ").append(verdict(Report.median(p99) <= 10)).append(" (budget ≤ 10 ms)");
        if (running) {
            double[] runningRps = Report.values(runs, r -> r.path(RUNNING).path("rps").asDouble());
            md.append("; running operation ").append(verdict(Report.median(runningRps) >= RUNNING_RPS))
                    .append(String.format(Locale.ROOT, " (budget ≥ %,d requests/s)", RUNNING_RPS));
        }
        md.append(". Verdicts use the median run.\n\n");
    }

    private static double ratio(JsonNode run, String reference) {
        return run.path("stageport").path("rps").asDouble() / run.path(reference).path("rps").asDouble();
    }

    static void push(StringBuilder md, List<JsonNode> runs) {
        md.append("## Push latency\n\n");
        md.append("Time from an operation's terminal status (the `finishedDateTime` the server stamps as it writes ")
                .append("the status) to a waiting client knowing it; ").append(runs.get(0).path("operations")
                        .asInt()).append(" Deploy operations per run, each followed once through the event stream ")
                .append("and once through the long poll. Budget: p99 ≤ 100 ms.\n\n");
        md.append("| how the client waits | p50 (ms) | p99 (ms) |\n| --- | --- | --- |\n");
        for (String[] row : new String[][] {{"event stream (`/events`)", "eventStream"},
            {"long poll (`?waitSeconds=30`)", "longPoll"}}) {
            md.append("| ").append(row[0]).append(" | ")
                    .append(Report.spread(runs, r -> r.path(row[1]).path("p50").asDouble(), "%.1f")).append(" | ")
                    .append(Report.spread(runs, r -> r.path(row[1]).path("p99").asDouble(), "%.1f")).append(" |\n");
        }
        md.append("| polling as the ODC docs advise | up to 5 000 in the first 30 s | up to 30 000 afterwards |\n\n");
        double[] p99 = Report.values(runs, r -> r.path("eventStream").path("p99").asDouble());
        md.append("Event stream p99 ").append(verdict(Report.median(p99) <= 100)).append(" the budget. The docs' ")
                .append("schedule (every 5 s for 30 s, then every 30 s) learns of the end on the next poll, so its ")
                .append("delay is bounded by the interval, not by the server.\n\n");
    }

    static void engine(StringBuilder md, List<JsonNode> h2, List<JsonNode> postgres, List<JsonNode> replicas) {
        if (h2.isEmpty()) {
            return;
        }
        md.append("## Engine throughput\n\n");
        md.append(h2.get(0).path("operations").asInt()).append(" Deploy operations over 100 apps × 3 stages on ")
                .append("the simulated runtime with zero step time, posted by 16 concurrent clients that wait for ")
                .append("their operations with the long poll; measured from the first POST until every operation ")
                .append("is Finished, after an untimed warm-up pass (1,000 Deploys in the full run). 4 engine workers per server. PostgreSQL is the embedded ")
                .append("one the tests use (zonky, PostgreSQL 14), a fresh server per run; two replicas are two ")
                .append("server processes on that database, the clients spread over both. Server CPU is the ")
                .append("servers' user + system time over the measured pass (the database's own CPU is not in ")
                .append("it), and the JIT compiler's share of it (its threads' CPU time: a pass the compiler still works through measures it too); the load average (1 min, median run) is read before and after the pass. Budgets: ≥ 400 operations ")
                .append("per second on the embedded database, ≥ 500 on PostgreSQL, two replicas ≥ 1.7 × one.\n\n");
        md.append("| database | operations per second | server CPU per operation (ms) | of it JIT compiler (%) | load average"
                        + " | all Finished |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        row(md, "embedded (H2)", h2);
        row(md, "PostgreSQL", postgres);
        row(md, "PostgreSQL, two replicas", replicas);
        double embedded = Report.median(Report.values(h2, r -> r.path("operationsPerSecond").asDouble()));
        md.append("\nEmbedded database: ").append(verdict(embedded >= 400)).append(" the budget");
        if (!postgres.isEmpty()) {
            double pg = Report.median(Report.values(postgres, r -> r.path("operationsPerSecond").asDouble()));
            md.append("; PostgreSQL: ").append(verdict(pg >= 500)).append(" it");
            if (!replicas.isEmpty()) {
                double two = Report.median(Report.values(replicas, r -> r.path("operationsPerSecond").asDouble()));
                md.append(String.format(Locale.ROOT, "; two replicas ÷ one: %.2f, ", two / pg))
                        .append(verdict(two / pg >= 1.7)).append(" it");
            }
        }
        md.append(" (medians).\n\n");
    }

    private static void row(StringBuilder md, String label, List<JsonNode> runs) {
        if (runs.isEmpty()) {
            return;
        }
        md.append("| ").append(label).append(" | ")
                .append(Report.spread(runs, r -> r.path("operationsPerSecond").asDouble(), "%.0f")).append(" | ")
                .append(runs.get(0).has("serverCpuMsPerOperation") ? Report.spread(runs,
                        r -> r.path("serverCpuMsPerOperation").asDouble(), "%.2f") : "–").append(" | ")
                .append(runs.get(0).has("compilerCpuShare") ? Report.spread(runs,
                        r -> 100 * r.path("compilerCpuShare").asDouble(), "%.0f") : "–").append(" | ")
                .append(runs.get(0).has("loadAverageBefore") ? String.format(Locale.ROOT, "%.1f → %.1f",
                        Report.median(Report.values(runs, r -> r.path("loadAverageBefore").asDouble())),
                        Report.median(Report.values(runs, r -> r.path("loadAverageAfter").asDouble()))) : "–")
                .append(" | ")
                .append(runs.stream().allMatch(r -> r.path("finished").asInt() == r.path("operations").asInt())
                        ? "yes" : "no").append(" |\n");
    }

    static void footprint(StringBuilder md, List<JsonNode> runs) {
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Footprint\n\n");
        md.append("Start to ready is from launching `java` to the first 200 from `/actuator/health/readiness` ")
                .append("(embedded database, fresh data directory, demo data and 100 load apps created at start). ")
                .append("Resident memory (RSS) is read from /proc one second after ready, and again after the ")
                .append("status polling load. CLI figures are the median of 5 runs of `--help`.\n\n");
        md.append("| figure | value | budget | verdict |\n| --- | --- | --- | --- |\n");
        foot(md, runs, "start → ready, fat jar (ms)", "readyMs", "%.0f", 3000);
        foot(md, runs, "start → ready, `./stageport server` with its CDS archive (ms)", "readyCdsMs", "%.0f", 3000);
        info(md, runs, "process CPU time at ready, CDS start (ms, both cores)", "cpuAtReadyCdsMs");
        foot(md, runs, "start → ready, CDS and C1 only (`STAGEPORT_JAVA_OPTS=-XX:TieredStopAtLevel=1`) (ms)",
                "readyCdsC1Ms", "%.0f", 3000);
        foot(md, runs, "RSS after start (MB)", "rssStartMb", "%.0f", 300);
        foot(md, runs, "RSS after start with CDS (MB)", "rssCdsStartMb", "%.0f", 300);
        foot(md, runs, "RSS after status polling (MB)", "rssAfterPollingMb", "%.0f", 500);
        foot(md, runs, "`java -jar stageport-cli.jar --help` (ms)", "cliHelpMs", "%.0f", 500);
        foot(md, runs, "`./stageport --help`, the launcher (CDS archive, C1 only) (ms)", "cliLauncherMs", "%.0f", 500);
        md.append("\n");
    }

    private static void foot(StringBuilder md, List<JsonNode> runs, String label, String field, String format,
                             double budget) {
        if (runs.stream().noneMatch(r -> r.has(field))) {   // the smoke run leaves out the C1-only start
            md.append("| ").append(label).append(" | not measured | ≤ ")
                    .append(String.format(Locale.ROOT, "%.0f", budget)).append(" | – |\n");
            return;
        }
        double median = Report.median(Report.values(runs, r -> r.path(field).asDouble()));
        md.append("| ").append(label).append(" | ").append(Report.spread(runs, r -> r.path(field).asDouble(), format))
                .append(" | ≤ ").append(String.format(Locale.ROOT, "%.0f", budget)).append(" | ")
                .append(verdict(median <= budget)).append(" |\n");
    }

    /** A figure that explains the others and has no budget of its own. */
    private static void info(StringBuilder md, List<JsonNode> runs, String label, String field) {
        md.append("| ").append(label).append(" | ").append(Report.spread(runs, r -> r.path(field).asDouble(), "%.0f"))
                .append(" | – | – |\n");
    }

    private static String verdict(boolean ok) {
        return ok ? "meets" : "**misses**";
    }
}
