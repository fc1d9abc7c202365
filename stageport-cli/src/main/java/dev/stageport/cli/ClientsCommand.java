package dev.stageport.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** API client management (Stageport's own API; needs ManageApiClients on every stage). */
@Command(name = "clients", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients list"},
        description = "Manage API clients.",
        subcommands = {ClientsCommand.ListClients.class, ClientsCommand.Create.class, ClientsCommand.Show.class,
                ClientsCommand.Edit.class, ClientsCommand.Grant.class, ClientsCommand.Suspend.class,
                ClientsCommand.Resume.class, ClientsCommand.NewSecret.class, ClientsCommand.Delete.class})
class ClientsCommand implements Runnable {

    static final String PATH = "/api/stageport/v1/api-clients";

    @Override
    public void run() {
        throw new UsageException("give a subcommand: list, create, show, edit, permissions, suspend, resume, "
                + "new-secret or delete");
    }

    static void print(Output out, JsonNode client) {
        out.table(client, List.of("CLIENT ID", "NAME", "STATUS", "SECRET EXPIRES", "PERMISSIONS"),
                List.of(row(client)));
        if (client.has("clientSecret") && !out.json()) {
            out.line("client_secret: " + client.path("clientSecret").asString()
                    + "   (shown once: store it now)");
        }
    }

    static List<String> row(JsonNode c) {
        List<String> grants = new ArrayList<>();
        c.path("permissions").forEach(p -> grants.add(p.path("permission").asString() + "@"
                + p.path("environmentKey").asString()));
        return List.of(Output.text(c, "clientId"), Output.text(c, "name"), Output.text(c, "status"),
                Output.text(c, "secretExpiresAt"), String.join(" ", grants));
    }

    /** PERMISSION@STAGE, stage by key, name or '*'. */
    static List<Map<String, String>> grants(ServerCommand command, List<String> specs) {
        List<Map<String, String>> grants = new ArrayList<>();
        for (String spec : specs) {
            int at = spec.indexOf('@');
            if (at <= 0) {
                throw new UsageException("--grant takes PERMISSION@STAGE (stage key, name or *), got '" + spec + "'");
            }
            String stage = spec.substring(at + 1);
            grants.add(Map.of("permission", spec.substring(0, at), "environmentKey",
                    stage.equals("*") ? "*" : Names.stageKey(command.client(), stage)));
        }
        return grants;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients list --output json"},
        description = "List API clients.")
    static class ListClients extends ServerCommand {
        ListClients(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            JsonNode results = client().get(PATH).path("results");
            List<List<String>> rows = new ArrayList<>();
            results.forEach(c -> rows.add(row(c)));
            out().table(results, List.of("CLIENT ID", "NAME", "STATUS", "SECRET EXPIRES", "PERMISSIONS"), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients create --name qa-pipeline --grant StageView@QA --grant AppDeploy@QA"},
        description = "Create an API client; its secret is shown once.")
    static class Create extends ServerCommand {
        @Option(names = "--name", required = true) String name;
        @Option(names = "--description") String description;
        @Option(names = "--expires", description = "Secret expiry (RFC 3339); default 90 days, at most 24 months")
        String expires;
        @Option(names = "--grant", paramLabel = "PERMISSION@STAGE", description = "e.g. AppDeploy@QA, StageView@*")
        List<String> grant = new ArrayList<>();

        Create(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("description", description);
            if (expires != null) {
                body.put("secretExpiresAt", parse(expires));
            }
            body.put("permissions", grants(this, grant));
            print(out(), client().post(PATH, body));
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients show 7d3c0a52-0000-4000-8000-000000000000"},
        description = "Show an API client.")
    static class Show extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;

        Show(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            print(out(), client().get(PATH + "/" + id));
            return ExitCode.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients edit CLIENT_ID --description \"deploys to QA\""},
        description = "Change an API client's name or description.")
    static class Edit extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;
        @Option(names = "--name") String name;
        @Option(names = "--description") String description;

        Edit(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("description", description);
            print(out(), client().patch(PATH + "/" + id, body));
            return ExitCode.OK;
        }
    }

    @Command(name = "permissions", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients permissions CLIENT_ID --grant StageView@* --grant AppDeploy@QA"},
        description = "Replace an API client's permissions.")
    static class Grant extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;
        @Option(names = "--grant", paramLabel = "PERMISSION@STAGE") List<String> grant = new ArrayList<>();

        Grant(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            print(out(), client().put(PATH + "/" + id + "/permissions", Map.of("permissions", grants(this, grant))));
            return ExitCode.OK;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients suspend CLIENT_ID"},
        description = "Suspend an API client: no new tokens, existing ones refused.")
    static class Suspend extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;

        Suspend(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            print(out(), client().post(PATH + "/" + id + "/suspend", Map.of()));
            return ExitCode.OK;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients resume CLIENT_ID"},
        description = "Resume a suspended API client.")
    static class Resume extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;

        Resume(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            print(out(), client().post(PATH + "/" + id + "/resume", Map.of()));
            return ExitCode.OK;
        }
    }

    @Command(name = "new-secret", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients new-secret CLIENT_ID --expires 2027-06-30T23:59:00Z"},
        description = "Regenerate an API client's secret; shown once.")
    static class NewSecret extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;
        @Option(names = "--expires", description = "New expiry (RFC 3339); default 90 days") String expires;

        NewSecret(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (expires != null) {
                body.put("secretExpiresAt", parse(expires));
            }
            print(out(), client().post(PATH + "/" + id + "/secret", body));
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients delete CLIENT_ID"},
        description = "Delete an API client.")
    static class Delete extends ServerCommand {
        @Parameters(index = "0", paramLabel = "CLIENT_ID") String id;

        Delete(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            client().delete(PATH + "/" + id);
            out().line("Deleted API client " + id + ".");
            return ExitCode.OK;
        }
    }

    private static String parse(String instant) {
        try {
            return Instant.parse(instant).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--expires takes an RFC 3339 time such as 2027-06-30T23:59:00Z, got '"
                    + instant + "'");
        }
    }
}
