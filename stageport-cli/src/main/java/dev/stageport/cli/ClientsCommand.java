package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * API client management (Stageport's own API; needs ManageApiClients on every
 * stage). Each subcommand is one call, so they are methods rather than classes.
 */
@Command(name = "clients", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport clients list"},
        description = "Manage API clients.")
class ClientsCommand implements Runnable {

    static final String PATH = "/api/stageport/v1/api-clients";
    private static final List<String> HEADERS = List.of("CLIENT ID", "NAME", "STATUS", "SECRET EXPIRES",
            "PERMISSIONS");

    private final CliContext context;
    private final Connection connection;

    ClientsCommand(CliContext context) {
        this.context = context;
        this.connection = new Connection(context);
    }

    @Override
    public void run() {
        throw new UsageException("give a subcommand: list, create, show, edit, permissions, suspend, resume, "
                + "new-secret or delete");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API clients.",
            footer = {"%nExample:", "  stageport clients list --output json"})
    int list(@Mixin Globals globals) {
        JsonNode results = client(globals).get(PATH).path("results");
        List<List<String>> rows = new ArrayList<>();
        Output out = new Output(context, globals);
        if (!out.json()) {
            results.forEach(c -> rows.add(row(c)));
        }
        out.table(results, HEADERS, rows);
        return ExitCode.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API client; its secret is shown once.",
            footer = {"%nExample:", "  stageport clients create --name qa-pipeline --grant StageView@QA "
                    + "--grant AppDeploy@QA"})
    int create(@Mixin Globals globals, @Option(names = "--name", required = true) String name,
               @Option(names = "--description") String description,
               @Option(names = "--expires", description = "Secret expiry (RFC 3339); default 90 days, at most "
                       + "24 months") String expires,
               @Option(names = "--grant", paramLabel = "PERMISSION@STAGE",
                       description = "e.g. AppDeploy@QA, StageView@*") List<String> grant) {
        OdcClient client = client(globals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        if (expires != null) {
            body.put("secretExpiresAt", instant(expires));
        }
        body.put("permissions", grants(names(), grant));
        return print(globals, client.post(PATH, body));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an API client.",
            footer = {"%nExample:", "  stageport clients show CLIENT_ID"})
    int show(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id) {
        return print(globals, client(globals).get(PATH + "/" + id));
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change an API client's name or "
            + "description.", footer = {"%nExample:", "  stageport clients edit CLIENT_ID --description \"deploys to QA\""})
    int edit(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id,
             @Option(names = "--name") String name, @Option(names = "--description") String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        return print(globals, client(globals).patch(PATH + "/" + id, body));
    }

    @Command(name = "permissions", mixinStandardHelpOptions = true, description = "Replace an API client's "
            + "permissions.", footer = {"%nExample:", "  stageport clients permissions CLIENT_ID --grant StageView@* "
            + "--grant AppDeploy@QA"})
    int permissions(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id,
                    @Option(names = "--grant", paramLabel = "PERMISSION@STAGE") List<String> grant) {
        OdcClient client = client(globals);
        return print(globals, client.put(PATH + "/" + id + "/permissions", Map.of("permissions",
                grants(names(), grant))));
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an API client: no new "
            + "tokens, existing ones refused.", footer = {"%nExample:", "  stageport clients suspend CLIENT_ID"})
    int suspend(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id) {
        return print(globals, client(globals).post(PATH + "/" + id + "/suspend", Map.of()));
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a suspended API client.",
            footer = {"%nExample:", "  stageport clients resume CLIENT_ID"})
    int resume(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id) {
        return print(globals, client(globals).post(PATH + "/" + id + "/resume", Map.of()));
    }

    @Command(name = "new-secret", mixinStandardHelpOptions = true, description = "Regenerate an API client's "
            + "secret; shown once.", footer = {"%nExample:", "  stageport clients new-secret CLIENT_ID --expires "
            + "2027-06-30T23:59:00Z"})
    int newSecret(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id,
                  @Option(names = "--expires", description = "New expiry (RFC 3339); default 90 days")
                  String expires) {
        Map<String, Object> body = expires == null ? Map.of() : Map.of("secretExpiresAt", instant(expires));
        return print(globals, client(globals).post(PATH + "/" + id + "/secret", body));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an API client.",
            footer = {"%nExample:", "  stageport clients delete CLIENT_ID"})
    int delete(@Mixin Globals globals, @Parameters(paramLabel = "CLIENT_ID") String id) {
        client(globals).delete(PATH + "/" + id);
        new Output(context, globals).line("Deleted API client " + id + ".");
        return ExitCode.OK;
    }

    private OdcClient client(Globals globals) {
        return connection.client(globals);
    }

    private NameBook names() {
        return connection.names();
    }

    private int print(Globals globals, JsonNode client) {
        Output out = new Output(context, globals);
        out.table(client, HEADERS, out.json() ? List.of() : List.of(row(client)));
        if (client.has("clientSecret") && !out.json()) {
            out.line("client_secret: " + client.path("clientSecret").asString() + "   (shown once: store it now)");
        }
        return ExitCode.OK;
    }

    /** Grants show the stage by name ({@code AppDeploy@QA}), as --grant takes them. */
    private List<String> row(JsonNode c) {
        return List.of(Output.text(c, "clientId"), Output.text(c, "name"), Output.text(c, "status"),
                Output.text(c, "secretExpiresAt"), names().grants(c.path("permissions")));
    }

    /** PERMISSION@STAGE, stage by key, name or '*'. */
    static List<Map<String, String>> grants(NameBook names, List<String> specs) {
        List<Map<String, String>> grants = new ArrayList<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int at = spec.indexOf('@');
            if (at <= 0) {
                throw new UsageException("--grant takes PERMISSION@STAGE (stage key, name or *), got '" + spec + "'");
            }
            String stage = spec.substring(at + 1);
            grants.add(Map.of("permission", spec.substring(0, at), "environmentKey",
                    stage.equals("*") ? "*" : names.stageKey(stage)));
        }
        return grants;
    }

    private static String instant(String value) {
        try {
            return Instant.parse(value).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--expires takes an RFC 3339 time such as 2027-06-30T23:59:00Z, got '"
                    + value + "'");
        }
    }
}
