package dev.stageport.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The start-up section: the launcher on the base JDK (class-data sharing archive) and on JDK 25+
 * (AOT cache) side by side. Budgets are judged on the JDK the launcher picks, the newest.
 */
final class Startup {

    private Startup() {
    }

    static void section(StringBuilder md, List<JsonNode> runs) {
        if (runs.isEmpty()) {
            return;
        }
        Map<String, List<JsonNode>> byJdk = new LinkedHashMap<>();
        runs.stream().map(r -> r.path("jdk").asString()).distinct().sorted(Comparator.reverseOrder())
                .forEach(jdk -> byJdk.put(jdk, runs.stream().filter(r -> jdk.equals(r.path("jdk").asString())).toList()));
        String judged = byJdk.keySet().stream().filter(j -> j.startsWith("aot")).findFirst()
                .orElse(byJdk.keySet().iterator().next());
        md.append("## Start-up\n\n");
        md.append("`./stageport server` as the README starts it (embedded database, demo data, no load apps, ")
                .append("`STAGEPORT_JAVA_OPTS=-Xmx512m`), from launching to the first 200 from ")
                .append("`/actuator/health/readiness`: first with a fresh data directory, then again on the same one. ")
                .append("`STAGEPORT_JAVA` picks the JDK: the base JDK starts from its class-data sharing archive, ")
                .append("JDK 25 from its AOT cache, each made beforehand by `./stageport prepare`. The CLI rows are ")
                .append("the median of 5 runs of the launcher (`ops list` against that server, logged in, after one timed ")
                .append("first run and three more that warm the server, as a server that has been running is; ")
                .append("the server's share is curl's time for the same requests). Seeding, ")
                .append("key generation and the phases are read from the servers' logs (the \"Start-up phases\" ")
                .append("line). Verdicts use the median run of ").append(label(judged)).append(", which the launcher picks when present.\n\n");
        md.append("| figure |");
        byJdk.keySet().forEach(j -> md.append(" ").append(label(j)).append(" |"));
        md.append(" budget | verdict |\n|").append(" --- |".repeat(byJdk.size() + 3)).append("\n");
        row(md, byJdk, judged, "start → ready, fresh data directory (ms)", "readyFreshMs", 2000);
        row(md, byJdk, judged, "start → ready, existing data directory (ms)", "readyExistingMs", 1500);
        row(md, byJdk, judged, "process CPU time at ready, fresh start (ms, both cores)", "cpuAtReadyMs", 0);
        row(md, byJdk, judged, "demo seeding: stages, uploads and builds (ms, on the path to ready)", "seedMs", 0);
        row(md, byJdk, judged, "Flyway at start: migrating a fresh database (ms)", "schemaFreshMs", 0);
        row(md, byJdk, judged, "Flyway at start: validating an existing one (ms)", "schemaExistingMs", 0);
        row(md, byJdk, judged, "context refresh, existing data directory (ms, server's phase line)", "contextExistingMs", 0);
        row(md, byJdk, judged, "signing key generation at the first token (ms, off the path to ready)", "signingKeyMs", 0);
        row(md, byJdk, judged, "RSS after start (MB)", "rssStartMb", 0);
        row(md, byJdk, judged, "`./stageport --help` (ms)", "cliHelpMs", 200);
        row(md, byJdk, judged, "`./stageport ops list` against the local server (ms)", "cliOpsListMs", 400);
        row(md, byJdk, judged, "… its first run after the server started (ms)", "cliOpsListFirstMs", 0);
        row(md, byJdk, judged, "… the server's share: the same requests by curl (ms)", "cliOpsListServerMs", 0);
        md.append("\n");
    }

    /** budget 0: a figure that explains the others. */
    private static void row(StringBuilder md, Map<String, List<JsonNode>> byJdk, String judged, String label,
                            String field, double budget) {
        md.append("| ").append(label).append(" |");
        byJdk.values().forEach(r -> md.append(" ").append(Report.spread(r, n -> n.path(field).asDouble(), "%.0f"))
                .append(" |"));
        if (budget == 0) {
            md.append(" – | – |\n");
            return;
        }
        double median = Report.median(Report.values(byJdk.get(judged), n -> n.path(field).asDouble()));
        md.append(" ≤ ").append(String.format(Locale.ROOT, "%.0f", budget)).append(" | ")
                .append(median <= budget ? "meets" : "**misses**").append(" |\n");
    }

    /** "cds-jdk17" -> "JDK 17, CDS archive"; the base JDK ("cds") sorts first. */
    private static String label(String jdk) {
        String version = jdk.substring(jdk.indexOf("jdk") + 3);
        return "JDK " + version + (jdk.startsWith("aot") ? ", AOT cache" : ", CDS archive");
    }
}
