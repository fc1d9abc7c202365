package dev.stageport.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * Starts a build of one revision and, with --wait, polls it until it ends: Finished → 0,
 * FinishedWithErrors → 1 (its log on stderr), out of time → 3.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport build \"Hello Settings\" --revision 2 --wait"},
        description = "Build a revision of an asset (Release unless --type Debug).")
class BuildCommand extends ServerCommand {

    private static final String BUILDS = "/api/builds/v1/build-operations";

    @Parameters(index = "0", paramLabel = "ASSET", description = "Asset key or name")
    String asset;

    @Option(names = "--revision", required = true, description = "The revision to build")
    int revision;

    @Option(names = "--type", defaultValue = "Release", description = "Release or Debug (default ${DEFAULT-VALUE})")
    String type;

    @Mixin
    WaitOptions waiting;

    BuildCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        if (!List.of("Release", "Debug").contains(type)) {
            throw new UsageException("--type must be Release or Debug, got '" + type + "'");
        }
        String assetKey = Names.assetKey(client(), asset);
        JsonNode started = client().post(BUILDS, Map.of("assetKey", assetKey, "assetRevision", revision,
                "buildType", type));
        String key = Output.text(started, "buildKey");
        if (!waiting.wait) {
            if (out().json()) {
                out().json(client().get(BUILDS + "/" + key));
            } else {
                out().line(key);
            }
            return ExitCode.OK;
        }
        JsonNode build = await(key);
        if (out().json()) {
            out().json(build);
        } else {
            out().table(build, List.of("KEY", "REVISION", "TYPE", "STATUS"), List.of(List.of(key,
                    Output.text(build, "assetRevision"), Output.text(build, "buildType"),
                    Output.text(build, "status"))));
        }
        if ("Finished".equals(Output.text(build, "status"))) {
            return ExitCode.OK;
        }
        for (JsonNode message : client().get(BUILDS + "/" + key + "/log-messages").path("results")) {
            context.err().println(Output.text(message, "severity") + ": " + Output.text(message, "message"));
        }
        return ExitCode.OPERATION_FAILED;
    }

    private JsonNode await(String key) {
        Instant started = out().now();
        Instant deadline = started.plus(globals.timeout);
        while (true) {
            JsonNode build = client().get(BUILDS + "/" + key);
            String status = Output.text(build, "status");
            Duration elapsed = Duration.between(started, out().now());
            if (!status.equals("Pending") && !status.equals("Running")) {
                out().endProgress();
                return build;
            }
            out().progress(key + " " + status, elapsed);
            Duration pause = waiting.schedule().next(elapsed);
            if (out().now().plus(pause).isAfter(deadline)) {
                out().endProgress();
                throw new Operations.TimeoutException("the build " + key + " is still " + status + " ("
                        + globals.timeout.toSeconds() + "s)");
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Operations.TimeoutException("interrupted while waiting for the build " + key);
            }
        }
    }
}
