package dev.stageport.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** The dependency commands: the producer graph of a revision, and a deployment analysis. */
final class DependencyCommands {

    private static final String DM = "/api/dependency-management/v1";

    private DependencyCommands() {
    }

    private static int revision(ServerCommand command, String key, Integer revision) {
        return revision != null ? revision
                : command.client().get("/api/asset-repository/v1/assets/" + key).path("revision").asInt();
    }

    @Command(name = "graph", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport graph \"Hello Settings\" --stage QA"},
        description = "Show the producers an asset revision depends on, as a tree.")
    static class Graph extends ServerCommand {
        @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
        String asset;
        @Option(names = "--revision", description = "Revision (default: the latest)")
        Integer revision;
        @Option(names = "--stage", description = "Resolve producers to what is deployed in this stage")
        String stage;

        Graph(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String key = Names.assetKey(client(), asset);
            int number = revision(this, key, revision);
            String path = DM + "/assets/" + key + "/revisions/" + number + "/producer-graph?sort=name"
                    + (stage == null ? "" : "&environmentKey=" + Names.stageKey(client(), stage));
            JsonNode results = client().get(path).path("results");
            if (out().json()) {
                out().json(results);
                return ExitCode.OK;
            }
            out().line(key + " revision " + number);
            if (results.isEmpty()) {
                out().line("  (no producers)");
            }
            print(results, "  ");
            return ExitCode.OK;
        }

        private void print(JsonNode nodes, String indent) {
            for (JsonNode node : nodes) {
                out().line(indent + Output.text(node, "name") + " (" + Output.text(node, "type") + ", revision "
                        + Output.text(node, "revision") + ", " + Output.text(node, "key") + ")");
                print(node.path("producers"), indent + "  ");
            }
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport analyze \"Hello Settings\" --stage Production",
                "%nExit code 1 when the analysis found an Error."},
        description = "Run a deployment analysis: what deploying a revision to a stage would break.")
    static class Analyze extends ServerCommand {
        @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
        String asset;
        @Option(names = "--revision", description = "Revision (default: the latest)")
        Integer revision;
        @Option(names = "--stage", required = true, description = "Target stage key or name")
        String stage;

        Analyze(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String key = Names.assetKey(client(), asset);
            int number = revision(this, key, revision);
            String stageKey = Names.stageKey(client(), stage);
            String analysis = client().post(DM + "/deployment-analyses", java.util.Map.of("assetKey", key,
                    "revision", number, "environmentKey", stageKey)).path("analysisKey").asString();
            JsonNode result = client().get(DM + "/deployment-analyses/" + analysis);
            // the server computes an analysis still in progress when it is read, so one read suffices
            String status = result.path("report").path("status").asString("");
            if (out().json()) {
                out().json(result);
            } else {
                out().line("Analysis " + analysis + ": " + result.path("processStatus").asString() + ", " + status);
                for (JsonNode impacted : result.path("report").path("impactedAssets")) {
                    String who = impacted.path("referenceType").asString() + " " + impacted.path("assetKey").asString()
                            + " revision " + impacted.path("revision").asString();
                    for (JsonNode issue : impacted.path("applicationLevelIssues")) {
                        out().line("  " + issue.path("conflictSeverity").asString() + " " + who + ": "
                                + issue.path("conflictType").asString() + " - " + issue.path("hint").asString());
                    }
                    for (JsonNode issue : impacted.path("elementLevelIssues")) {
                        out().line("  " + issue.path("conflictSeverity").asString() + " " + who + ": "
                                + issue.path("conflictType").asString() + " " + issue.path("incompatibilityType")
                                .asString() + " " + issue.path("name").asString() + " - "
                                + issue.path("hint").asString());
                    }
                }
            }
            return "ErrorsFound".equals(status) ? ExitCode.OPERATION_FAILED : ExitCode.OK;
        }
    }
}
