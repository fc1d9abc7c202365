package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OdcException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stage-specific configurations: get, set and unset (pending until the next Deploy or ApplyConfigs), diff. */
@Command(name = "config", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport config get --stage QA --asset \"Hello Settings\""},
        description = "Asset configurations per stage.")
class ConfigCommand implements Runnable {

    private static final JsonMapper JSON = OdcClient.json();

    @Override
    public void run() {
        throw new UsageException("give a subcommand: get, set, unset or diff");
    }

    static String base(String stageKey, String assetKey) {
        return "/api/asset-configurations/v1/environments/" + stageKey + "/applications/" + assetKey;
    }

    /** The revision whose schema names and validates items: the one asked for, else the latest. */
    static int baseline(OdcClient client, String assetKey, Integer revision) {
        return revision != null ? revision
                : client.get("/api/asset-repository/v1/assets/" + assetKey).path("revision").asInt();
    }

    static JsonNode schema(OdcClient client, String stageKey, String assetKey, int revision) {
        return client.get(base(stageKey, assetKey) + "/revisions/" + revision + "/configurations");
    }

    /** The deployed configuration, or the latest revision's when the asset is not deployed there. */
    static JsonNode current(OdcClient client, String stageKey, String assetKey, Integer revision) {
        if (revision != null) {
            return client.get(base(stageKey, assetKey) + "/revisions/" + revision + "/configurations");
        }
        try {
            return client.get(base(stageKey, assetKey) + "/revisions/deployed/configurations");
        } catch (OdcException e) {
            if (e.status() != 404) {
                throw e;
            }
            int latest = client.get("/api/asset-repository/v1/assets/" + assetKey).path("revision").asInt();
            return client.get(base(stageKey, assetKey) + "/revisions/" + latest + "/configurations");
        }
    }

    /** Flattens a configuration result into name → item, with timer configs as Timer.Config. */
    static Map<String, JsonNode> items(JsonNode config) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (JsonNode s : config.path("settings")) {
            items.put(s.path("name").asString(), s);
        }
        for (JsonNode t : config.path("timers")) {
            for (JsonNode c : t.path("configs")) {
                items.put(t.path("name").asString() + "." + c.path("key").asString(), c);
            }
        }
        return items;
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport config get --stage QA --asset \"Hello Settings\" --revision 2"},
        description = "Show an asset's configuration in a stage.")
    static class Get extends ServerCommand {
        @Mixin StageAsset target;
        @Option(names = "--revision", description = "Schema of this revision (default: the deployed one)")
        Integer revision;

        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            JsonNode config = current(client(), target.stageKey(client()), target.assetKey(client()),
                    revision);
            List<List<String>> rows = new ArrayList<>();
            items(config).forEach((name, item) -> rows.add(List.of(name, Output.text(item, "dataType"),
                    Output.text(item, "value"), Output.text(item, "deployedValue"), Output.text(item, "valueOrigin"),
                    item.path("valueSetAfterDeploy").asBoolean(false) ? "pending" : "")));
            out().table(config, List.of("NAME", "TYPE", "VALUE", "DEPLOYED", "ORIGIN", ""), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  QA_KEY=... stageport config set --stage QA --asset \"Hello Settings\" --set GreetingText=Hi --set NightlyCleanup.IsActive=False --secret-env PaymentApiKey=QA_KEY"},
        description = "Set values for a stage; they stay pending until the next Deploy or "
            + "ApplyConfigs. Secrets only from environment variables or stdin, never from arguments.")
    static class Set extends ServerCommand {
        @Mixin StageAsset target;
        @Option(names = "--revision", description = "Revision whose schema validates the values (default: latest)")
        Integer revision;
        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A setting, or Timer.IsActive=False")
        List<String> values = new ArrayList<>();
        @Option(names = "--secret-env", paramLabel = "NAME=ENV_VAR", description = "A secret read from an "
                + "environment variable")
        List<String> secretsFromEnv = new ArrayList<>();
        @Option(names = "--secret-stdin", paramLabel = "NAME", description = "A secret read from stdin")
        String secretFromStdin;
        @Option(names = "--file", description = "JSON object of NAME: VALUE (timers as \"Timer.IsActive\")")
        Path file;

        Set(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String stageKey = target.stageKey(client());
            String assetKey = target.assetKey(client());
            int baseline = baseline(client(), assetKey, revision);
            Map<String, String> wanted = collect();
            if (wanted.isEmpty()) {
                throw new UsageException("nothing to set: give --set, --secret-env, --secret-stdin or --file");
            }
            JsonNode schema = schema(client(), stageKey, assetKey, baseline);
            refuseSecretsFromArguments(schema);
            client().patch(base(stageKey, assetKey) + "/configurations", ConfigPatch.build(schema, baseline, wanted));
            out().line("Set " + wanted.size() + " value(s) for " + target.asset + " in " + target.stage
                    + "; pending until the next Deploy or ApplyConfigs.");
            return ExitCode.OK;
        }

        /** Arguments land in shell history and process lists: a secret given with --set is refused, unsent. */
        private void refuseSecretsFromArguments(JsonNode schema) {
            for (String pair : values) {
                String name = pair.substring(0, pair.indexOf('='));
                if (ConfigPatch.isSecret(schema, name)) {
                    throw new UsageException("--set " + name + ": a secret is never taken from the command line; "
                            + "use --secret-env " + name + "=ENV_VAR, --secret-stdin " + name + " or --file");
                }
            }
        }

        private Map<String, String> collect() {
            Map<String, String> wanted = new LinkedHashMap<>();
            if (file != null) {
                try {
                    JSON.readTree(Files.readString(file)).properties()
                            .forEach(e -> wanted.put(e.getKey(), e.getValue().asString()));
                } catch (IOException | RuntimeException e) {
                    throw new UsageException("cannot read " + file + " as a JSON object: " + e.getMessage());
                }
            }
            for (String pair : values) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--set takes NAME=VALUE, got '" + pair + "'");
                }
                wanted.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            for (String pair : secretsFromEnv) {
                int eq = pair.indexOf('=');
                String variable = eq > 0 ? pair.substring(eq + 1) : null;
                String value = variable == null ? null : context.env(variable);
                if (value == null) {
                    throw new UsageException("--secret-env " + pair + ": the environment variable is not set");
                }
                wanted.put(pair.substring(0, eq), value);
            }
            if (secretFromStdin != null) {
                try {
                    String line = context.in().readLine();
                    if (line == null) {
                        throw new UsageException("--secret-stdin: nothing on stdin");
                    }
                    wanted.put(secretFromStdin, line.strip());
                } catch (IOException e) {
                    throw new UsageException("--secret-stdin: cannot read stdin");
                }
            }
            return wanted;
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport config unset GreetingText NightlyCleanup.IsActive --stage QA --asset \"Hello Settings\""},
        description = "Remove values set for a stage so the defaults apply again; like set, this reaches the "
            + "running app with the next Deploy or ApplyConfigs.")
    static class Unset extends ServerCommand {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "A setting, or Timer.IsActive")
        List<String> names;
        @Mixin StageAsset target;
        @Option(names = "--revision", description = "Revision whose schema names the items (default: latest)")
        Integer revision;

        Unset(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String stageKey = target.stageKey(client());
            String assetKey = target.assetKey(client());
            int baseline = baseline(client(), assetKey, revision);
            JsonNode schema = schema(client(), stageKey, assetKey, baseline);
            List<String> paths = names.stream().map(name -> ConfigPatch.itemPath(schema, name)).toList();
            for (String path : paths) {
                client().delete("/api/stageport/v1/environments/" + stageKey + "/applications/" + assetKey
                        + "/configurations/overrides?item=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            }
            out().line("Unset " + String.join(", ", names) + " for " + target.asset + " in " + target.stage
                    + "; the defaults apply from the next Deploy or ApplyConfigs.");
            return ExitCode.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport config diff --asset \"Hello Settings\" --from QA --to Production"},
        description = "Compare an asset's configuration between two stages: every item whose value or origin "
            + "differs. Secrets are compared by the server and shown only as (differs).")
    static class Diff extends ServerCommand {
        @Option(names = "--asset", required = true) String asset;
        @Option(names = "--from", required = true) String from;
        @Option(names = "--to", required = true) String to;
        @Option(names = "--deployed", description = "Compare what runs in each stage instead of pending values")
        boolean deployed;

        Diff(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String assetKey = Names.assetKey(client(), asset);
            JsonNode diff = client().get("/api/stageport/v1/applications/" + assetKey + "/configuration-diff?from="
                    + Names.stageKey(client(), from) + "&to=" + Names.stageKey(client(), to)
                    + (deployed ? "&deployed=true" : ""));
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode item : diff.path("items")) {
                String name = item.path("name").asString(item.path("key").asString());
                rows.add(List.of(item.path("section").asString() + " " + name, side(item.path("from")),
                        side(item.path("to"))));
            }
            out().table(diff, List.of("ITEM", from.toUpperCase(), to.toUpperCase()), rows);
            return ExitCode.OK;
        }

        private static String side(JsonNode side) {
            if (side.isMissingNode() || side.isNull()) {
                return "(absent)";
            }
            return Output.text(side, "value") + " (" + Output.text(side, "origin") + ")"
                    + (side.path("pending").asBoolean(false) ? " pending" : "");
        }
    }
}
