package dev.stageport.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code stageport}. Picocli builds a command's whole model by reflection when it is
 * added, and with about fifty commands that was most of what {@code --help} or {@code ops list} cost;
 * so only the commands the arguments name are built, and each other one is a name with its
 * description, which is all the root's usage and the "did you mean" hint read.
 */
final class CommandTree {

    static final List<Class<?>> COMMANDS = List.of(LoginCommand.class, ReadCommands.Stages.class,
            ReadCommands.Assets.class, ReadCommands.Revisions.class, ReadCommands.Builds.class,
            UploadCommand.class, BuildCommand.class, ConfigCommand.class,
            OperationCommands.Deploy.class, OperationCommands.Undeploy.class, OperationCommands.ApplyConfigs.class,
            OperationCommands.Publish.class, OperationCommands.Rollback.class, OpsCommand.class,
            PromoteCommand.class, ClientsCommand.class, UsersCommand.class, CompletionCommand.class,
            AuditCommand.class, InstanceCommand.class, StatusCommand.class, DependencyCommands.Graph.class,
            DependencyCommands.Analyze.class, ApprovalCommands.ListApprovals.class, ApprovalCommands.Approve.class,
            ApprovalCommands.Reject.class);

    /** The completion script lists every command's options, so it needs the whole tree. */
    private static final String NEEDS_EVERY_COMMAND = "completion";

    private CommandTree() {
    }

    /** Adds every command to the root: built in full when {@code named} holds its name or an alias. */
    static void addTo(CommandLine root, Set<String> named) {
        boolean all = named.contains(NEEDS_EVERY_COMMAND);
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (all || named.contains(command.name()) || List.of(command.aliases()).stream().anyMatch(named::contains)) {
                root.addSubcommand(command.name(), type);
            } else {
                root.addSubcommand(command.name(), new CommandLine(outline(command)), command.aliases());
            }
        }
    }

    private static CommandSpec outline(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name());
        spec.usageMessage().description(command.description()).header(command.header()).hidden(command.hidden());
        return spec;
    }
}
