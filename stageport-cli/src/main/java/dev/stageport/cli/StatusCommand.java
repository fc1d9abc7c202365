package dev.stageport.cli;

import dev.stageport.client.Odc;
import dev.stageport.client.model.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What runs where: one row per stage and deployed asset, with the last operation on that pair. */
@Command(name = "status", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport status", "  stageport status --stage Production --output json"},
        description = "Show what runs in each stage: revision, tag, address and the last operation.")
class StatusCommand extends ServerCommand {

    @Option(names = "--stage", description = "Only this stage (key or name)")
    String stage;

    @Option(names = "--asset", description = "Only this asset (key or name)")
    String asset;

    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        Map<String, Environment> stages = new Odc(client()).environments().stream()
                .collect(Collectors.toMap(Environment::key, Function.identity()));
        StringBuilder path = new StringBuilder("/api/portfolios/v1/deployed-assets?limit=100");
        if (stage != null) {
            path.append("&environmentKey=").append(Names.stageKey(client(), stage));
        }
        if (asset != null) {
            path.append("&key=").append(Names.assetKey(client(), asset));
        }
        List<ObjectNode> cells = new ArrayList<>();
        client().list(path.toString()).forEach(deployed -> {
            for (JsonNode deployment : deployed.path("deployments")) {
                Environment where = stages.get(deployment.path("environmentKey").asString());
                if (where != null) {
                    cells.add(cell(where, deployed.path("key").asString(), deployment));
                }
            }
        });
        cells.sort(Comparator.comparingInt((ObjectNode c) -> stages.get(c.path("stageKey").asString()).order())
                .thenComparing(c -> c.path("asset").asString()));
        ArrayNode json = Output.array();
        List<List<String>> rows = new ArrayList<>();
        for (ObjectNode c : cells) {
            json.add(c);
            JsonNode last = c.path("lastOperation");
            rows.add(List.of(c.path("stage").asString(), c.path("asset").asString(), Output.text(c, "revision"),
                    Output.text(c, "tag"), Output.text(last, "operation"), Output.text(last, "status"),
                    Output.text(last, "dateTime"), Output.text(c, "url")));
        }
        out().table(json, List.of("STAGE", "ASSET", "REVISION", "TAG", "LAST OPERATION", "STATUS", "AT", "URL"),
                rows);
        return ExitCode.OK;
    }

    private ObjectNode cell(Environment where, String assetKey, JsonNode deployment) {
        ObjectNode cell = Output.array().objectNode();
        cell.put("stageKey", where.key());
        cell.put("stage", where.name());
        cell.put("assetKey", assetKey);
        cell.put("asset", deployment.path("name").asString(assetKey));
        cell.put("revision", deployment.path("revision").asInt());
        cell.set("tag", orNull(deployment.path("tag")));
        cell.set("url", orNull(deployment.path("url")));
        cell.set("deployedAt", orNull(deployment.path("deploymentDateTime")));
        client().list(Operations.DEPLOYMENTS + "?limit=1&environmentKey=" + where.key() + "&assetKey=" + assetKey)
                .findFirst().ifPresent(op -> {
                    ObjectNode last = cell.putObject("lastOperation");
                    last.put("key", Output.text(op, "key"));
                    last.put("operation", Output.text(op, "operation"));
                    last.put("status", Output.text(op, "status"));
                    String finished = Output.text(op, "finishedDateTime");
                    last.put("dateTime", finished.isEmpty() ? Output.text(op, "startedDateTime") : finished);
                });
        return cell;
    }

    private static JsonNode orNull(JsonNode value) {
        return value.isMissingNode() ? tools.jackson.databind.node.NullNode.getInstance() : value;
    }
}
