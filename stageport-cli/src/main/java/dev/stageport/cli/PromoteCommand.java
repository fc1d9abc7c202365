package dev.stageport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs a promotion pipeline file: one revision (by tag, number, or the latest)
 * goes through the listed stages in order — configurations set, Deploy, wait —
 * and the run stops at the first stage that does not finish. Format: docs/cli.md.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport promote pipeline.yaml --timeout 45m"},
        description = "Promote a revision through stages as a pipeline file describes.")
class PromoteCommand extends ServerCommand {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Parameters(index = "0", paramLabel = "FILE", description = "Pipeline file (YAML or JSON)")
    Path file;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--with-producers", description = "In each stage, first deploy the apps the revision uses "
            + "that do not run there at the revision it was built against")
    boolean withProducers;

    /** The pipeline file. */
    record Pipeline(String asset, String revision, String tag, List<StageStep> stages) {
    }

    record StageStep(String stage, Map<String, String> set, Map<String, String> secretsFromEnv) {
    }

    PromoteCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        Pipeline pipeline = read();
        String assetKey = Names.assetKey(client(), pipeline.asset());
        RevisionChoice choice = new RevisionChoice();
        choice.tag = pipeline.tag();
        if (pipeline.revision() != null && !pipeline.revision().equalsIgnoreCase("latest")) {
            try {
                choice.number = Integer.parseInt(pipeline.revision());
            } catch (NumberFormatException e) {
                throw new UsageException(file + ": revision must be a number or 'latest'");
            }
        }
        int revision = choice.resolve(client(), assetKey);
        String build = RevisionChoice.releaseBuild(client(), assetKey, revision);
        out().line("Promoting " + pipeline.asset() + " revision " + revision + " (build " + build + ")");
        for (StageStep step : pipeline.stages() == null ? promotionPath() : pipeline.stages()) {
            String stageKey = Names.stageKey(client(), step.stage());
            Map<String, String> values = new LinkedHashMap<>(step.set() == null ? Map.of() : step.set());
            if (step.secretsFromEnv() != null) {
                step.secretsFromEnv().forEach((name, variable) -> {
                    String value = context.env(variable);
                    if (value == null) {
                        throw new UsageException("stage " + step.stage() + ": environment variable " + variable
                                + " for secret " + name + " is not set");
                    }
                    values.put(name, value);
                });
            }
            if (!values.isEmpty()) {
                JsonNode schema = client().get(ConfigCommand.base(stageKey, assetKey) + "/revisions/" + revision
                        + "/configurations");
                client().patch(ConfigCommand.base(stageKey, assetKey) + "/configurations",
                        ConfigPatch.build(schema, revision, values));
            }
            if (withProducers) {
                int producers = new ProducersFirst(client(), out(), waiting, globals.timeout)
                        .deploy(stageKey, assetKey, revision);
                if (producers != ExitCode.OK) {
                    context.err().println("stageport: promotion stopped: a producer did not deploy to "
                            + step.stage());
                    return producers;
                }
            }
            out().line("== " + step.stage() + ": deploying revision " + revision);
            JsonNode op = client().post(Operations.DEPLOYMENTS, Map.of("operation", "Deploy", "assetKey", assetKey,
                    "buildKey", build, "revision", revision, "environmentKey", stageKey));
            int code = Operations.await(client(), out(), Operations.DEPLOYMENTS, op.path("key").asString(),
                    globals.timeout, waiting.schedule(), !waiting.noPush);
            if (code != ExitCode.OK) {
                context.err().println("stageport: promotion stopped: the deployment to " + step.stage()
                        + " ended FinishedWithError (operation " + op.path("key").asString() + ")");
                return code;
            }
        }
        return ExitCode.OK;
    }

    private Pipeline read() {
        Pipeline pipeline;
        try {
            pipeline = YAML.readValue(Files.readString(file), Pipeline.class);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new UsageException(file + " is not a valid pipeline file: " + firstLine(e.getMessage()));
        }
        if (pipeline == null || pipeline.asset() == null) {
            throw new UsageException(file + ": needs 'asset'");
        }
        if (pipeline.stages() == null) {
            return pipeline;
        }
        if (pipeline.stages().isEmpty()) {
            throw new UsageException(file + ": 'stages' lists no stage; leave it out to promote through every stage");
        }
        for (StageStep step : pipeline.stages()) {
            if (step.stage() == null) {
                throw new UsageException(file + ": every entry under 'stages' needs 'stage'");
            }
        }
        return pipeline;
    }

    /** Without 'stages', every stage the client sees, in the stages' order (which PATCH /environments sets). */
    private List<StageStep> promotionPath() {
        List<StageStep> path = new java.util.ArrayList<>();
        List<JsonNode> stages = new java.util.ArrayList<>();
        client().get("/api/portfolios/v1/environments").path("results").forEach(stages::add);
        stages.sort(java.util.Comparator.comparingInt(s -> s.path("order").asInt()));
        stages.forEach(s -> path.add(new StageStep(s.path("name").asString(), null, null)));
        return path;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
