package dev.stageport.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code stageport}. Picocli builds a command's whole model by reflection when it is
 * added, and with about fifty commands that was most of what {@code --help} or {@code ops list} cost;
 * so only the commands the arguments name are built, and each other one is a name with its
 * description, which is all the root's usage and the "did you mean" hint read. The same holds one level
 * down: the subcommands of {@code ops} and {@code config} are listed in {@link #NESTED} rather than in
 * their annotations, so {@code ops list} builds {@code list} and outlines {@code show}, {@code wait}...
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

    /** The subcommands that are classes of their own, in the order their parent's usage lists them. */
    static final Map<Class<?>, List<Class<?>>> NESTED = Map.of(
            OpsCommand.class, List.of(OpsCommand.ListOps.class, OpsCommand.Show.class, OpsCommand.Messages.class,
                    OpsCommand.Wait.class, OpsCommand.Cancel.class),
            ConfigCommand.class, List.of(ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.Unset.class,
                    ConfigCommand.Diff.class));

    /** The completion script lists every command's options, so it needs the whole tree. */
    private static final String NEEDS_EVERY_COMMAND = "completion";

    private CommandTree() {
    }

    /** Adds every command to the root: built in full when {@code named} holds its name or an alias. */
    static void addTo(CommandLine root, Set<String> named) {
        addTo(root, COMMANDS, named, named.contains(NEEDS_EVERY_COMMAND));
    }

    private static void addTo(CommandLine parent, List<Class<?>> commands, Set<String> named, boolean all) {
        for (Class<?> type : commands) {
            Command command = type.getAnnotation(Command.class);
            if (all || named.contains(command.name()) || List.of(command.aliases()).stream().anyMatch(named::contains)) {
                parent.addSubcommand(command.name(), type);
                addTo(parent.getSubcommands().get(command.name()), NESTED.getOrDefault(type, List.of()), named, all);
            } else {
                parent.addSubcommand(command.name(), new CommandLine(outline(command)), command.aliases());
            }
        }
    }

    private static CommandSpec outline(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name());
        spec.usageMessage().description(command.description()).header(command.header()).hidden(command.hidden());
        return spec;
    }
}
