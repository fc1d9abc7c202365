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
}
