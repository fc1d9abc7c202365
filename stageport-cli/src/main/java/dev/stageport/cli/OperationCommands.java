package dev.stageport.cli;

import dev.stageport.client.OdcException;
import dev.stageport.client.model.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** deploy, undeploy, apply-configs, publish and rollback: start an operation, optionally wait for it. */
final class OperationCommands {

    private OperationCommands() {
    }

    abstract static class Start extends ServerCommand {
        @Option(names = "--stage", required = true, description = "Target stage (key or name)")
        String stage;

        @Option(names = "--asset", required = true, description = "Asset (key or name)")
        String asset;

        @Mixin
        WaitOptions waiting;

        Start(CliContext context) {
            super(context);
        }

        abstract String collection();

        /** Whether the operation may start; only operations that destroy something ask. */
        boolean confirmed(String stageKey) {
            return true;
        }

        abstract Map<String, Object> body(String stageKey, String assetKey);

        /** Where the operation is started; it is followed in {@link #collection()}. */
        String startPath(String stageKey, String assetKey) {
            return collection();
        }

        /** What must happen before the operation starts; a code other than OK stops it. */
        int prepare(String stageKey, String assetKey) {
            return ExitCode.OK;
        }

        /** Whether a 409 from an operation already running on the target means: wait for it, then start. */
        boolean queue() {
            return false;
        }

        private JsonNode start(String stageKey, String assetKey) {
            Map<String, Object> body = body(stageKey, assetKey);
            while (true) {
                try {
                    return client().post(startPath(stageKey, assetKey), body);
                } catch (OdcException refused) {
                    String running = refused.status() == 409 && queue() ? running(stageKey, assetKey) : null;
                    if (running == null) {
                        throw refused;
                    }
                    out().note("operation " + running + " is running on this stage and asset; waiting for it to"
                            + " end before starting (--queue)");
                    Operations.follow(client(), out(), collection(), running, globals.timeout, waiting.schedule(),
                            !waiting.noPush);
                }
            }
        }

        /** The operation that holds the target, if the conflict was that one is running. */
        private String running(String stageKey, String assetKey) {
            return client().list(collection() + "?limit=5&environmentKey=" + stageKey + "&assetKey=" + assetKey)
                    .limit(5).filter(op -> "Running".equals(op.path("status").asString()))
                    .map(op -> op.path("key").asString()).findFirst().orElse(null);
        }

        @Override
        protected int run() {
            String stageKey = names().stageKey(stage);
            String assetKey = names().assetKey(asset);
            if (!confirmed(stageKey)) {
                context.err().println("stageport: not confirmed; nothing was undeployed");
                return ExitCode.USAGE;
            }
            int prepared = prepare(stageKey, assetKey);
            if (prepared != ExitCode.OK) {
                return prepared;
            }
            JsonNode op = start(stageKey, assetKey);
            Operations.Labels labels = new Operations.Labels(names().stage(stageKey),
                    Output.text(op, "assetName").isEmpty() ? names().asset(assetKey) : null);
            if (!waiting.wait) {
                Operations.print(out(), op, labels);
                return ExitCode.OK;
            }
            return Operations.await(client(), out(), collection(), op.path("key").asString(), globals.timeout,
                    waiting.schedule(), !waiting.noPush, labels);
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport deploy --stage QA --asset \"Hello Settings\" --tag 1.4.0 --wait",
            "  stageport deploy --stage QA --asset Orders --with-producers --wait"},
        description = "Deploy a revision's Release build to a stage.")
    static class Deploy extends Start {
        @Mixin
        RevisionChoice revision;

        @Option(names = "--build", description = "Build key (default: the finished Release build of the revision)")
        String build;

        @Option(names = "--with-producers", description = "First deploy the apps this revision uses that do not "
                + "run in the stage at the revision it was built against (deepest first)")
        boolean withProducers;

        @Mixin
        QueueOption queueing;

        private Integer resolved;

        @Override
        boolean queue() {
            return queueing.queue;
        }

        Deploy(CliContext context) {
            super(context);
        }

        @Override
        String collection() {
            return Operations.DEPLOYMENTS;
        }

        private int number(String assetKey) {
            if (resolved == null) {
                resolved = revision.resolve(client(), assetKey);
            }
            return resolved;
        }

        @Override
        int prepare(String stageKey, String assetKey) {
            return withProducers ? new ProducersFirst(client(), out(), waiting, globals.timeout)
                    .deploy(stageKey, assetKey, number(assetKey)) : ExitCode.OK;
        }

        @Override
        Map<String, Object> body(String stageKey, String assetKey) {
            int number = number(assetKey);
            String buildKey = build != null ? build : RevisionChoice.releaseBuild(client(), assetKey, number);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("operation", "Deploy");
            body.put("assetKey", assetKey);
            body.put("buildKey", buildKey);
            body.put("revision", number);
            body.put("environmentKey", stageKey);
            return body;
        }
    }

    /** An operation that needs only the asset and the stage. */
    abstract static class OnDeployed extends Start {
        @Mixin
        QueueOption queueing;

        OnDeployed(CliContext context) {
            super(context);
        }

        @Override
        boolean queue() {
            return queueing.queue;
        }

        abstract String operation();

        @Override
        String collection() {
            return Operations.DEPLOYMENTS;
        }

        @Override
        Map<String, Object> body(String stageKey, String assetKey) {
            return Map.of("operation", operation(), "assetKey", assetKey, "environmentKey", stageKey);
        }
    }

    @Command(name = "undeploy", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport undeploy --stage QA --asset \"Hello Settings\" --wait",
            "  stageport undeploy --stage Production --asset \"Hello Settings\" --yes"},
        description = "Remove an asset from a stage. On a Production stage it asks first; --yes skips that.")
    static class Undeploy extends OnDeployed {
        @Option(names = "--yes", description = "Do not ask for confirmation on a Production stage")
        boolean yes;

        Undeploy(CliContext context) {
            super(context);
        }

        /** Removing an app from Production is asked for on a terminal and refused without one. */
        @Override
        boolean confirmed(String stageKey) {
            Environment target = names().stages().stream().filter(s -> s.key().equals(stageKey))
                    .findFirst().orElse(null);
            if (yes || target == null || !"Production".equals(target.purpose())) {
                return true;
            }
            if (!context.interactive()) {
                throw new UsageException("'" + target.name() + "' is a Production stage: pass --yes to undeploy "
                        + asset + " from it without a terminal to confirm on");
            }
            context.err().print("Undeploy " + asset + " from the Production stage '" + target.name()
                    + "'? Type yes to confirm: ");
            context.err().flush();
            try {
                String answer = context.in().readLine();
                return answer != null && answer.strip().equalsIgnoreCase("yes");
            } catch (java.io.IOException e) {
                return false;
            }
        }

        @Override
        String operation() {
            return "Undeploy";
        }
    }

    @Command(name = "apply-configs", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport apply-configs --stage QA --asset \"Hello Settings\" --wait"},
        description = "Apply pending configurations to what runs in a stage.")
    static class ApplyConfigs extends OnDeployed {
        ApplyConfigs(CliContext context) {
            super(context);
        }

        @Override
        String operation() {
            return "ApplyConfigs";
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport publish --stage Development --asset \"Hello Settings\" --wait"},
        description = "Build (if needed) and deploy a revision in one operation.")
    static class Publish extends Start {
        @Mixin
        RevisionChoice revision;

        Publish(CliContext context) {
            super(context);
        }

        @Override
        String collection() {
            return Operations.PUBLISHES;
        }

        @Override
        Map<String, Object> body(String stageKey, String assetKey) {
            return Map.of("operation", "Publish", "assetKey", assetKey, "revision",
                    revision.resolve(client(), assetKey), "environmentKey", stageKey);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport rollback --stage Production --asset \"Hello Settings\" --wait",
            "  stageport rollback --stage QA --asset \"Hello Settings\" --to 3f1c...  (an earlier operation's key)"},
        description = "Deploy an earlier deployment's build again with the configuration it ran with "
                + "(default: the deployment before the current one). The stage's pending values are not changed.")
    static class Rollback extends Start {
        @Option(names = "--to", description = "Key of the deployment operation to roll back to")
        String to;

        Rollback(CliContext context) {
            super(context);
        }

        @Override
        String collection() {
            return Operations.DEPLOYMENTS;
        }

        @Override
        String startPath(String stageKey, String assetKey) {
            return "/api/stageport/v1/environments/" + stageKey + "/assets/" + assetKey + "/rollback";
        }

        @Override
        Map<String, Object> body(String stageKey, String assetKey) {
            return to == null ? Map.of() : Map.of("toOperationKey", to);
        }
    }
}
