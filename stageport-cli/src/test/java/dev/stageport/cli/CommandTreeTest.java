package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {

    private static CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of(), Clock.systemUTC(), false);
    }

    private static String usage(CommandLine cli) {
        StringWriter text = new StringWriter();
        cli.usage(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void theRootsHelpIsTheSameWhetherEveryCommandIsBuiltOrOnlyItsOutline() {
        String whole = usage(StageportCli.commandLine(context()));
        String outlined = usage(StageportCli.commandLine(context(), Set.of("--help")));

        assertThat(outlined).isEqualTo(whole).contains("deploy", "approvals", "completion");
    }

    @Test
    void onlyTheCommandTheArgumentsNameIsBuiltInFull() {
        CommandLine cli = StageportCli.commandLine(context(), Set.of("ops", "list", "--limit", "5"));

        assertThat(cli.getSubcommands().get("ops").getSubcommands()).containsKey("list");
        assertThat(cli.getSubcommands().get("deploy").getCommandSpec().options()).isEmpty();
        assertThat(cli.getSubcommands()).hasSameSizeAs(CommandTree.COMMANDS);
    }

    @Test
    void theCompletionScriptStillSeesEveryCommandsOptions() {
        CommandLine cli = StageportCli.commandLine(context(), Set.of("completion"));

        assertThat(cli.getSubcommands().get("deploy").getCommandSpec().findOption("--stage")).isNotNull();
    }

    @Test
    void underOpsOnlyTheSubcommandTheArgumentsNameIsBuiltInFull() {
        CommandLine ops = StageportCli.commandLine(context(), Set.of("ops", "list")).getSubcommands().get("ops");

        assertThat(ops.getSubcommands()).containsOnlyKeys("list", "show", "messages", "wait", "cancel");
        assertThat(ops.getSubcommands().get("list").getCommandSpec().findOption("--limit")).isNotNull();
        assertThat(ops.getSubcommands().get("wait").getCommandSpec().options()).isEmpty();
    }

    @Test
    void theHelpOfOpsAndConfigIsTheSameWhetherTheirSubcommandsAreBuiltOrOnlyOutlined() {
        for (String parent : new String[] {"ops", "config"}) {
            String whole = usage(StageportCli.commandLine(context()).getSubcommands().get(parent));
            String outlined = usage(StageportCli.commandLine(context(), Set.of(parent, "--help"))
                    .getSubcommands().get(parent));

            assertThat(outlined).as(parent).isEqualTo(whole).contains("Example:");
        }
        assertThat(usage(StageportCli.commandLine(context(), Set.of("ops")).getSubcommands().get("ops")))
                .contains("list", "show", "messages", "wait", "cancel");
    }

    @Test
    void theRootBuiltByHandHasTheHelpAndVersionPicocliMakesOfItsAnnotation() {
        CommandLine byHand = new CommandLine(StageportCli.rootSpec(new StageportCli()));
        CommandLine byPicocli = new CommandLine(new StageportCli());

        assertThat(usage(byHand)).isEqualTo(usage(byPicocli)).contains("--help", "--version", "Exit codes:");
        StringWriter version = new StringWriter();
        byHand.printVersionHelp(new PrintWriter(version, true));
        assertThat(version.toString().strip()).isEqualTo("stageport 0.1.0");
    }
}
