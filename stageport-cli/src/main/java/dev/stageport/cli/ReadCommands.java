package dev.stageport.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The listing commands: stages, assets, revisions, builds. */
final class ReadCommands {

    private ReadCommands() {
    }

    @Command(name = "stages", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport stages --output json"},
        description = "List the stages this client may view.")
    static class Stages extends ServerCommand {
        Stages(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            JsonNode results = client().get("/api/portfolios/v1/environments").path("results");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode s : results) {
                rows.add(List.of(Output.text(s, "key"), Output.text(s, "order"), Output.text(s, "purpose"),
                        Output.text(s, "name")));
            }
            out().table(results, List.of("KEY", "ORDER", "PURPOSE", "NAME"), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "assets", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport assets --name Hello"},
        description = "List assets (latest revision of each).")
    static class Assets extends ServerCommand {
        @Option(names = "--name", description = "Only assets whose name contains this")
        String name;

        Assets(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String path = "/api/asset-repository/v1/assets?limit=100"
                    + (name == null ? "" : "&nameContains=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            ArrayNode all = Output.array();
            client().list(path).forEach(all::add);
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode a : all) {
                rows.add(List.of(Output.text(a, "assetKey"), Output.text(a, "assetType"), Output.text(a, "revision"),
                        Output.text(a, "tag"), Output.text(a, "name")));
            }
            out().table(all, List.of("KEY", "TYPE", "REVISION", "TAG", "NAME"), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "revisions", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport revisions \"Hello Settings\""},
        description = "List the revisions of an asset.")
    static class Revisions extends ServerCommand {
        @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
        String asset;

        Revisions(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String key = Names.assetKey(client(), asset);
            ArrayNode all = Output.array();
            client().list("/api/asset-repository/v1/assets/" + key + "/revisions?limit=100&sort=-revision")
                    .forEach(all::add);
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : all) {
                rows.add(List.of(Output.text(r, "revision"), Output.text(r, "tag"), Output.text(r, "createdAt"),
                        Output.text(r, "commitMessage")));
            }
            out().table(all, List.of("REVISION", "TAG", "CREATED", "COMMIT MESSAGE"), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "builds", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport builds \"Hello Settings\" --revision 2 --type Release"},
        description = "List the builds of an asset.")
    static class Builds extends ServerCommand {
        @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
        String asset;

        @Option(names = "--revision", description = "Only builds of this revision")
        Integer revision;

        @Option(names = "--type", description = "Release or Debug")
        String type;

        Builds(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String key = Names.assetKey(client(), asset);
            JsonNode builds = client().get("/api/builds/v1/build-operations?assetKey=" + key
                    + (revision == null ? "" : "&assetRevision=" + revision)
                    + (type == null ? "" : "&byBuildType=" + type)).path("builds");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode b : builds) {
                rows.add(List.of(Output.text(b, "buildKey"), Output.text(b, "assetRevision"),
                        Output.text(b, "buildType"), Output.text(b, "status"), Output.text(b, "finishedDateTime")));
            }
            out().table(builds, List.of("KEY", "REVISION", "TYPE", "STATUS", "FINISHED"), rows);
            return ExitCode.OK;
        }
    }
}
