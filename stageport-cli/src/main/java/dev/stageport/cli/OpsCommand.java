package dev.stageport.cli;

import dev.stageport.client.model.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Deployment operations: list, show, messages, wait, cancel. */
@Command(name = "ops", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops list --stage QA"},
        description = "Deployment operations.")
class OpsCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("give a subcommand: list, show, messages, wait or cancel");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops list --stage QA --status Running"},
        description = "List operations, newest first.")
    static class ListOps extends ServerCommand {
        @Option(names = "--stage", description = "Only this stage (key or name)")
        String stage;

        @Option(names = "--asset", description = "Only this asset (key or name)")
        String asset;

        @Option(names = "--status", description = "Running, Finished or FinishedWithError")
        String status;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE})")
        int limit;

        ListOps(CliContext context) {
            super(context);
        }

        /**
         * The ODC answer names no stage, so each stage is asked for its own operations (one
         * call per stage, not per row) and the lists are merged newest first.
         */
        @Override
        protected int run() {
            StringBuilder filter = new StringBuilder("?limit=" + Math.min(limit, 100));
            if (asset != null) {
                filter.append("&assetKey=").append(names().assetKey(asset));
            }
            if (status != null) {
                filter.append("&status=").append(status);
            }
            List<String> stageKeys = stage != null ? List.of(names().stageKey(stage))
                    : names().stages().stream().map(Environment::key).toList();
            List<Listed> listed = new ArrayList<>();
            for (String stageKey : stageKeys) {
                String stageName = names().stage(stageKey);
                client().list(Operations.DEPLOYMENTS + filter + "&environmentKey=" + stageKey).limit(limit)
                        .forEach(op -> listed.add(new Listed(op, stageName)));
            }
            listed.sort(Comparator.comparing(Listed::started, Comparator.reverseOrder()));
            ArrayNode all = Output.array();
            List<List<String>> rows = new ArrayList<>();
            listed.stream().limit(limit).forEach(l -> {
                all.add(l.op());
                rows.add(Operations.row(l.op(), new Operations.Labels(l.stage(), null)));
            });
            out().table(all, Operations.headers(true), rows);
            return ExitCode.OK;
        }

        private record Listed(JsonNode op, String stage) {
            /** As a time: RFC 3339 texts with and without fractions do not sort as text. */
            java.time.Instant started() {
                String started = Output.text(op, "startedDateTime");
                return started.isEmpty() ? java.time.Instant.MIN : java.time.OffsetDateTime.parse(started).toInstant();
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops show OPERATION_KEY"},
        description = "Show one operation.")
    static class Show extends ServerCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        Show(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Operations.print(out(), client().get(Operations.DEPLOYMENTS + "/" + key));
            return ExitCode.OK;
        }
    }

    @Command(name = "messages", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops messages OPERATION_KEY"},
        description = "Show the messages of an operation, oldest first.")
    static class Messages extends ServerCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        Messages(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            ArrayNode all = Output.array();
            client().list(Operations.DEPLOYMENTS + "/" + key + "/messages?limit=100").forEach(all::add);
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode m : all) {
                rows.add(List.of(Output.text(m, "timestamp"), Output.text(m, "severity"),
                        m.path("additionalInfo").path("stepId").asString(""), Output.text(m, "message")));
            }
            out().table(all, List.of("TIME", "SEVERITY", "STEP", "MESSAGE"), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops wait OPERATION_KEY --timeout 20m"},
        description = "Wait until an operation ends; exit 1 if it ends FinishedWithError.")
    static class Wait extends ServerCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Mixin
        WaitOptions waiting;

        Wait(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            return Operations.await(client(), out(), Operations.DEPLOYMENTS, key, globals.timeout, waiting.schedule(),
                    !waiting.noPush);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport ops cancel OPERATION_KEY --reason \"wrong build\""},
        description = "Cancel a running operation: it stops at its next step, undoes what it started (what ran "
                + "before keeps serving) and ends FinishedWithError naming you and the reason.")
    static class Cancel extends ServerCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Option(names = "--reason", required = true, description = "Why; shown in the operation's Error message")
        String reason;

        Cancel(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            client().post(CANCEL.formatted(key), java.util.Map.of("reason", reason));
            out().line("Cancel requested: operation " + key + " stops at its next step; follow it with "
                    + "'stageport ops wait " + key + "'.");
            return ExitCode.OK;
        }
    }

    static final String CANCEL = "/api/stageport/v1/deployment-operations/%s/cancel";
}
