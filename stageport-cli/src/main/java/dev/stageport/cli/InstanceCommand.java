package dev.stageport.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** What an asset runs as in a stage (Stageport servers only): state, revision, URL, restarts, optional log tail. */
@Command(name = "instance", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport instance \"Hello Settings\" --stage QA --logs 20"},
        description = "Show the running instance of an asset in a stage: state, revision and URL.")
class InstanceCommand extends ServerCommand {

    @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
    String asset;

    @Option(names = "--stage", required = true, description = "Stage key or name")
    String stage;

    @Option(names = "--logs", paramLabel = "N", defaultValue = "0",
            description = "Also print the app's last N log lines (default ${DEFAULT-VALUE})")
    int logs;

    InstanceCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        if (logs < 0 || logs > 1000) {
            throw new UsageException("--logs takes 0 to 1000, got " + logs);
        }
        String base = "/api/stageport/v1/environments/" + Names.stageKey(client(), stage) + "/assets/"
                + Names.assetKey(client(), asset) + "/instance";
        JsonNode instance = client().get(base);
        out().table(instance, List.of("STATE", "REVISION", "URL", "RESTARTS", "DRIVER"),
                List.of(List.of(Output.text(instance, "state"), Output.text(instance, "revision"),
                        Output.text(instance, "url"), Output.text(instance, "restarts"),
                        Output.text(instance, "driver"))));
        if (logs > 0 && !out().json()) {
            for (JsonNode line : client().get(base + "/logs?lines=" + logs).path("lines")) {
                out().line(line.asString());
            }
        }
        return ExitCode.OK;
    }
}
