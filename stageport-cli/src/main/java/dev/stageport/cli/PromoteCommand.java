package dev.stageport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * Runs a promotion pipeline file: one revision (by tag, number, or the latest)
 * goes through the listed stages in order — configurations set, Deploy, wait —
 * and the run stops at the first stage that does not finish. The whole file is
 * checked against the server first, so a typo in the last stage stops the run
 * before the first is touched. Format: docs/cli.md.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport promote pipeline.yaml --timeout 45m",
            "  stageport promote pipeline.yaml --dry-run"},
        description = "Promote a revision through stages as a pipeline file describes.")
class PromoteCommand extends ServerCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "Pipeline file (YAML or JSON)")
    Path file;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--with-producers", description = "In each stage, first deploy the apps the revision uses "
            + "that do not run there at the revision it was built against")
    boolean withProducers;

    @Option(names = "--dry-run", description = "Check the file against the server, print the plan and exit")
    boolean dryRun;

    PromoteCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        PipelineFile pipeline = PipelineFile.read(file);
        List<PipelineFile.Step> steps = pipeline.stages() == null ? promotionPath() : pipeline.stages();
        PromotionPlan plan = PromotionPlan.resolve(client(), pipeline, steps, context::env);
        if (plan == null) {
            pipeline.problems().forEach(problem -> context.err().println("stageport: " + problem));
            context.err().println("stageport: " + pipeline.problems().size() + " problem"
                    + (pipeline.problems().size() == 1 ? "" : "s") + " in " + file + "; nothing was deployed");
            return ExitCode.USAGE;
        }
        out().line((dryRun ? "Plan: promote " : "Promoting ") + pipeline.asset() + " revision " + plan.revision
                + " (build " + plan.build + ")");
        for (PromotionPlan.StagePlan stage : plan.stages) {
            if (dryRun) {
                out().line("== " + stage.stageName() + ": " + describe(stage));
                continue;
            }
            int code = promote(plan, stage);
            if (code != ExitCode.OK) {
                return code;
            }
        }
        return ExitCode.OK;
    }

    private int promote(PromotionPlan plan, PromotionPlan.StagePlan stage) {
        if (!stage.values().isEmpty()) {
            client().patch(ConfigCommand.base(stage.stageKey(), plan.assetKey) + "/configurations",
                    ConfigPatch.build(stage.schema(), plan.revision, stage.values()));
        }
        if (withProducers) {
            int producers = new ProducersFirst(client(), out(), waiting, globals.timeout)
                    .deploy(stage.stageKey(), plan.assetKey, plan.revision);
            if (producers != ExitCode.OK) {
                context.err().println("stageport: promotion stopped: a producer did not deploy to "
                        + stage.stageName());
                return producers;
            }
        }
        out().line("== " + stage.stageName() + ": deploying revision " + plan.revision);
        JsonNode op = client().post(Operations.DEPLOYMENTS, Map.of("operation", "Deploy", "assetKey", plan.assetKey,
                "buildKey", plan.build, "revision", plan.revision, "environmentKey", stage.stageKey()));
        int code = Operations.await(client(), out(), Operations.DEPLOYMENTS, op.path("key").asString(),
                globals.timeout, waiting.schedule(), !waiting.noPush);
        if (code != ExitCode.OK) {
            context.err().println("stageport: promotion stopped: the deployment to " + stage.stageName()
                    + " ended FinishedWithError (operation " + op.path("key").asString() + ")");
        }
        return code;
    }

    private static String describe(PromotionPlan.StagePlan stage) {
        List<String> parts = new ArrayList<>();
        stage.values().keySet().stream().filter(name -> !stage.secretNames().contains(name))
                .forEach(name -> parts.add("set " + name + " = " + stage.values().get(name)));
        stage.secretNames().forEach(name -> parts.add("set secret " + name + " from the environment"));
        parts.add("deploy");
        return String.join(", ", parts);
    }

    /** Without 'stages', every stage the client sees, in the stages' order (which PATCH /environments sets). */
    private List<PipelineFile.Step> promotionPath() {
        List<JsonNode> stages = new ArrayList<>();
        client().get("/api/portfolios/v1/environments").path("results").forEach(stages::add);
        stages.sort(Comparator.comparingInt(s -> s.path("order").asInt()));
        return stages.stream().map(s -> new PipelineFile.Step(s.path("name").asString(), Map.of(), Map.of(), ""))
                .toList();
    }
}
