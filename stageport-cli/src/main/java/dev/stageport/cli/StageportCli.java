package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OdcException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The {@code stageport} command. Connection settings come from flags or the
 * environment (STAGEPORT_URL, STAGEPORT_CLIENT_ID, STAGEPORT_CLIENT_SECRET);
 * the secret is never taken from the command line, where other users could read it.
 */
@Command(name = "stageport", mixinStandardHelpOptions = true, version = "stageport 0.1.0",
        description = "Release management against Stageport or ODC.",
        subcommands = {StageportCli.Stages.class})
public class StageportCli implements Callable<Integer> {

    static final int EXIT_AUTH = 4;
    static final int EXIT_USAGE = 2;
    static final int EXIT_SERVER = 5;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StageportCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("stageport: " + e.getMessage());
            if (e instanceof OdcException odc) {
                return odc.status() == 401 || odc.status() == 403 ? EXIT_AUTH
                        : odc.status() >= 500 || odc.status() == 0 ? EXIT_SERVER : EXIT_USAGE;
            }
            return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_SERVER;
        });
        return cli.execute(args);
    }

    /** Connection options shared by commands that talk to a server. */
    static class Connection {
        @Option(names = "--url", description = "Base URL (default: $STAGEPORT_URL or http://localhost:8080)")
        String url;

        @Option(names = "--client-id", description = "API client id (default: $STAGEPORT_CLIENT_ID)")
        String clientId;

        OdcClient client() {
            String base = firstNonBlank(url, System.getenv("STAGEPORT_URL"), "http://localhost:8080");
            String id = firstNonBlank(clientId, System.getenv("STAGEPORT_CLIENT_ID"), null);
            String secret = System.getenv("STAGEPORT_CLIENT_SECRET");
            if (id == null || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        "set --client-id (or STAGEPORT_CLIENT_ID) and STAGEPORT_CLIENT_SECRET");
            }
            return new OdcClient(base, id, secret);
        }

        private static String firstNonBlank(String a, String b, String fallback) {
            if (a != null && !a.isBlank()) {
                return a;
            }
            return b != null && !b.isBlank() ? b : fallback;
        }
    }

    @Command(name = "stages", description = "List the stages this client may view.")
    static class Stages implements Callable<Integer> {
        @CommandLine.Mixin
        Connection connection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode results = connection.client().get("/api/portfolios/v1/environments").get("results");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-38s %-5s %-14s %s%n", "KEY", "ORDER", "PURPOSE", "NAME");
            for (JsonNode stage : results) {
                out.printf("%-38s %-5d %-14s %s%n", stage.path("key").asString(""), stage.path("order").asInt(),
                        stage.path("purpose").asString(""), stage.path("name").asString(""));
            }
            return 0;
        }
    }
}
