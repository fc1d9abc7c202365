package dev.stageport.cli;

import dev.stageport.client.OdcException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stageport} command. Connection settings come from flags or the
 * environment (STAGEPORT_URL, STAGEPORT_CLIENT_ID, STAGEPORT_CLIENT_SECRET);
 * secrets are never taken from the command line, where other users could read them.
 * Errors are one line on stderr; exit codes are in {@link ExitCode}.
 */
@Command(name = "stageport", mixinStandardHelpOptions = true, version = "stageport 0.1.0",
        description = "Release management against Stageport or ODC.",
        footer = {"%nExample:", "  stageport deploy --stage QA --asset \"Hello Settings\" --wait",
            "%nExit codes: 0 ok, 1 operation FinishedWithError, 2 usage, 3 timeout, 4 auth, 5 server, 6 refused."})
public class StageportCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }

    public static void main(String[] args) {
        CliContext context = new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.getenv(),
                Clock.systemUTC(), System.console() != null);
        System.exit(run(args, context));
    }

    public static int run(String[] args, CliContext context) {
        CommandLine cli = commandLine(context, new java.util.HashSet<>(java.util.Arrays.asList(args)));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("stageport: " + UsageMessages.describe(e));
            return ExitCode.USAGE;
        });
        String[] arguments = GlobalOptions.afterSubcommand(cli, args);
        boolean debug = java.util.Arrays.asList(arguments).contains("--debug");
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("stageport: " + describe(e));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return exitCode(e);
        });
        return cli.execute(arguments);
    }

    /** The whole command tree, its commands made with the context they need. */
    static CommandLine commandLine(CliContext context) {
        return commandLine(context, java.util.Set.of("completion"));
    }

    /** The command tree with only the commands {@code named} built in full (see {@link CommandTree}). */
    static CommandLine commandLine(CliContext context, java.util.Set<String> named) {
        StageportCli root = new StageportCli();
        root.spec = rootSpec(root);
        CommandLine cli = new CommandLine(root.spec, new ContextFactory(context));
        CommandTree.addTo(cli, named);
        cli.setOut(context.out());
        cli.setErr(context.err());
        return cli;
    }

    /**
     * The root's model, read from its annotation by hand: picocli's reflection over the class (its
     * fields, its methods, the mixin behind mixinStandardHelpOptions) was about a fifth of what
     * {@code --help} cost. {@code CommandTreeTest} checks that the help and the version are the same as
     * picocli's own model of the annotated class.
     */
    static CommandLine.Model.CommandSpec rootSpec(StageportCli root) {
        Command command = StageportCli.class.getAnnotation(Command.class);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(root)
                .name(command.name()).version(command.version());
        spec.usageMessage().description(command.description()).footer(command.footer());
        spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true).arity("0")
                .type(boolean.class).description("Show this help message and exit.").build());
        spec.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version").versionHelp(true).arity("0")
                .type(boolean.class).description("Print version information and exit.").build());
        return spec;
    }

    static int exitCode(Exception e) {
        if (e instanceof OdcException odc) {
            return ExitCode.forHttpStatus(odc.status());
        }
        if (e instanceof Operations.TimeoutException) {
            return ExitCode.TIMEOUT;
        }
        if (e instanceof UsageException) {
            return ExitCode.USAGE;
        }
        return ExitCode.SERVER;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Creates commands, handing those that want it the {@link CliContext}. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
