package dev.stageport.cli;

import dev.stageport.client.OdcClient;
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
 * Console user management (the people who sign in to the web console; Stageport's own API,
 * needs ManageApiClients on every stage, like {@code clients}).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport users create --username ana --grant StageView@* --grant AppDeploy@QA"},
        description = "Manage web console users.")
class UsersCommand implements Runnable {

    static final String PATH = "/api/stageport/v1/console-users";
    private static final List<String> HEADERS = List.of("USER", "NAME", "STATUS", "PERMISSIONS");

    private final CliContext context;
    private final Connection connection;

    UsersCommand(CliContext context) {
        this.context = context;
        this.connection = new Connection(context);
    }

    @Override
    public void run() {
        throw new UsageException("give a subcommand: list, create, show, password, permissions, suspend, resume "
                + "or delete");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List console users.",
            footer = {"%nExample:", "  stageport users list --output json"})
    int list(@Mixin Globals globals) {
        JsonNode results = client(globals).get(PATH).path("results");
        List<List<String>> rows = new ArrayList<>();
        Output out = new Output(context, globals);
        if (!out.json()) {
            results.forEach(u -> rows.add(row(u)));
        }
        out.table(results, HEADERS, rows);
        return ExitCode.OK;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a console user; a generated password is shown once.",
            footer = {"%nExample:", "  stageport users create --username ana --name \"Ana Lima\" --grant StageView@*"})
    int create(@Mixin Globals globals, @Option(names = "--username", required = true) String username,
               @Option(names = "--name") String displayName,
               @Option(names = "--grant", paramLabel = "PERMISSION@STAGE",
                       description = "e.g. AppDeploy@QA, StageView@*") List<String> grant) {
        OdcClient client = client(globals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("permissions", ClientsCommand.grants(names(), grant));
        return print(globals, client.post(PATH, body));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a console user.",
            footer = {"%nExample:", "  stageport users show alice"})
    int show(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username) {
        return print(globals, client(globals).get(PATH + "/" + username));
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Set a console user's password, read from stdin (12 to 72 characters).",
            footer = {"%nExample:", "  printf '%s' \"$NEW_PASSWORD\" | stageport users password ana"})
    int password(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username) {
        String password;
        try {
            String line = context.in().readLine();
            password = line == null ? "" : line.strip();
        } catch (java.io.IOException e) {
            throw new UsageException("could not read the password from stdin: " + e.getMessage());
        }
        return print(globals, client(globals).patch(PATH + "/" + username, Map.of("password", password)));
    }

    @Command(name = "permissions", mixinStandardHelpOptions = true,
            description = "Replace a console user's permissions.",
            footer = {"%nExample:", "  stageport users permissions alice --grant StageView@QA --grant DeployApps@QA"})
    int permissions(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username,
                    @Option(names = "--grant", paramLabel = "PERMISSION@STAGE") List<String> grant) {
        OdcClient client = client(globals);
        return print(globals, client.put(PATH + "/" + username + "/permissions",
                Map.of("permissions", ClientsCommand.grants(names(), grant))));
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspend a console user: signed out at the next click, no new sign-in.",
            footer = {"%nExample:", "  stageport users suspend alice"})
    int suspend(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username) {
        return print(globals, client(globals).post(PATH + "/" + username + "/suspend", Map.of()));
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a suspended console user.",
            footer = {"%nExample:", "  stageport users resume alice"})
    int resume(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username) {
        return print(globals, client(globals).post(PATH + "/" + username + "/resume", Map.of()));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a console user.",
            footer = {"%nExample:", "  stageport users delete alice"})
    int delete(@Mixin Globals globals, @Parameters(paramLabel = "USER") String username) {
        client(globals).delete(PATH + "/" + username);
        new Output(context, globals).line("Deleted console user " + username + ".");
        return ExitCode.OK;
    }

    private OdcClient client(Globals globals) {
        return connection.client(globals);
    }

    private NameBook names() {
        return connection.names();
    }

    private int print(Globals globals, JsonNode user) {
        Output out = new Output(context, globals);
        out.table(user, HEADERS, out.json() ? List.of() : List.of(row(user)));
        if (user.has("password") && !out.json()) {
            out.line("password: " + user.path("password").asString() + "   (shown once: store it now)");
        }
        return ExitCode.OK;
    }

    /** Grants show the stage by name ({@code AppDeploy@QA}), as --grant takes them. */
    private List<String> row(JsonNode u) {
        return List.of(Output.text(u, "username"), Output.text(u, "displayName"), Output.text(u, "status"),
                names().grants(u.path("permissions")));
    }
}
