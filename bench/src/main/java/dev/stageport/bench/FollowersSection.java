package dev.stageport.bench;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The "Followers at scale" section of docs/benchmarks.md, with its budgets and verdicts. */
final class FollowersSection {

    static final double P99_BUDGET_MS = 50;
    static final double RSS_BUDGET_MB = 700;

    private FollowersSection() {
    }

    static void write(StringBuilder md, List<JsonNode> runs) {
        if (runs.isEmpty()) {
            return;
        }
        JsonNode first = runs.get(0);
        int followers = first.path("streams").asInt() + first.path("longPolls").asInt();
        md.append("## Followers at scale\n\n");
        md.append(first.path("streams").asInt()).append(" event-stream followers and ").append(first.path("longPolls")
                        .asInt()).append(" long polls (`?waitSeconds=60`, asked again when it passes) wait at once on ")
                .append(first.path("operations").asInt()).append(" running Deploys of one server (")
                .append(first.path("serverJava").asString()).append(", `")
                .append(first.path("serverMaxHeap").asString("-Xmx512m")).append("`); the Deploys wait in ")
                .append("AwaitApproval, so they stay Running while the followers connect, and are then approved ")
                .append("one after the other by a second client. Push latency is from each Deploy's ")
                .append("`finishedDateTime` to the follower knowing; RSS and thread count are read from ")
                .append("/proc/PID/status every 100 ms. The followers come from one process (java.net.http, a ")
                .append("pool of 4 threads). Budget: p99 ≤ ").append(fmt(P99_BUDGET_MS)).append(" ms, RSS ≤ ")
                .append(fmt(RSS_BUDGET_MB)).append(" MB, no thread per waiting client.\n\n");
        md.append("| figure | value | budget | verdict |\n| --- | --- | --- | --- |\n");
        // an older result has no *Sent fields: it sent every follower it was asked for
        double[] held = Report.values(runs, FollowersSection::sent);
        md.append("| followers connected (streams + long polls) | ").append(Report.spread(runs,
                        FollowersSection::sent, "%.0f")).append(" | ").append(followers).append(" | ")
                .append(verdict(java.util.Arrays.stream(held).min().orElse(0) >= followers)).append(" |\n");
        latency(md, runs, "event stream", "eventStream");
        latency(md, runs, "long poll", "longPoll");
        if (java.util.Arrays.stream(held).min().orElse(0) >= followers) {
            budget(md, runs, "server RSS at peak (MB)", r -> r.path("peakRssMb").asDouble(), "%.0f", RSS_BUDGET_MB);
        } else {   // a server that held fewer followers than asked has not shown its RSS at that count
            md.append("| server RSS at peak (MB) | ").append(Report.spread(runs, r -> r.path("peakRssMb").asDouble(),
                    "%.0f")).append(" | ≤ ").append(fmt(RSS_BUDGET_MB)).append(" | not measured at ")
                    .append(followers).append(" |\n");
        }
        budget(md, runs, "server RSS with every follower waiting (MB)", r -> r.path("rssWaitingMb").asDouble(), "%.0f",
                -1);
        double[] threads = Report.values(runs, r -> r.path("peakThreads").asDouble());
        md.append("| server threads at peak | ").append(Report.spread(runs, r -> r.path("peakThreads").asDouble(),
                        "%.0f")).append(" | fewer than the ").append(followers).append(" followers | ")
                .append(verdict(Report.median(threads) < followers)).append(" |\n");
        budget(md, runs, "server threads with every follower waiting", r -> r.path("threadsWaiting").asDouble(), "%.0f",
                -1);
        // live heap after a full collection, before and with every follower waiting: does not depend on the load
        budget(md, runs, "heap per waiting follower (KB)", r -> r.path("heapBytesPerFollower").asDouble() / 1024,
                "%.1f", -1);
        budget(md, runs, "time to connect every follower (s)", r -> r.path("connectSeconds").asDouble(), "%.1f", -1);
        budget(md, runs, "approvals → every follower knew (s)", r -> r.path("finishSeconds").asDouble(), "%.1f", -1);
        budget(md, runs, "long polls asked again (waitSeconds passed)", r -> r.path("repolls").asDouble(), "%.0f", -1);
        double[] failures = Report.values(runs, r -> r.path("failures").asDouble());
        md.append("| followers that failed | ").append(Report.spread(runs, r -> r.path("failures").asDouble(), "%.0f"))
                .append(" | 0 | ").append(verdict(failures[failures.length - 1] == 0)).append(" |\n");
        runs.stream().map(r -> r.path("stoppedAdding").asString("")).filter(p -> !p.isEmpty()).forEach(p ->
                md.append("\n**Server stopped answering**: ").append(p).append("; the figures above are those of ")
                        .append("the followers it held.\n"));
        runs.stream().map(r -> r.path("problem").asString()).filter(p -> !p.isEmpty()).forEach(p ->
                md.append("\n**Run incomplete**: ").append(p).append(".\n"));
        md.append("\nLoad average (1 min, 2 cores) at the end of each run: ").append(String.join(", ",
                runs.stream().map(r -> r.path("loadAverage").asString()).toList())).append(". Verdicts use the median ")
                .append("run; failures the worst.\n\n");
    }

    private static double sent(JsonNode run) {
        return run.has("streamsSent") ? run.path("streamsSent").asInt() + run.path("longPollsSent").asInt()
                : run.path("streams").asInt() + run.path("longPolls").asInt();
    }

    /** p50 and p99 rows; a run in which no follower learned of an end measured no latency, not 0 ms. */
    private static void latency(StringBuilder md, List<JsonNode> runs, String label, String stats) {
        if (runs.stream().anyMatch(r -> r.path(stats).path("count").asInt() == 0)) {
            md.append("| ").append(label).append(" p99 (ms) | not measured: no follower learned of an end | ≤ ")
                    .append(fmt(P99_BUDGET_MS)).append(" | not measured |\n");
            return;
        }
        budget(md, runs, label + " p50 (ms)", r -> r.path(stats).path("p50").asDouble(), "%.1f", -1);
        budget(md, runs, label + " p99 (ms)", r -> r.path(stats).path("p99").asDouble(), "%.1f", P99_BUDGET_MS);
    }

    /** A row; a budget below 0 means the figure explains the others and has none of its own. */
    private static void budget(StringBuilder md, List<JsonNode> runs, String label,
                               java.util.function.ToDoubleFunction<JsonNode> field, String format, double budget) {
        md.append("| ").append(label).append(" | ").append(Report.spread(runs, field, format)).append(" | ");
        if (budget < 0) {
            md.append("– | – |\n");
            return;
        }
        md.append("≤ ").append(fmt(budget)).append(" | ")
                .append(verdict(Report.median(Report.values(runs, field)) <= budget)).append(" |\n");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String verdict(boolean ok) {
        return ok ? "meets" : "**misses**";
    }
}
