package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI without a server: help, usage errors, unreachable servers. */
class StageportCliTest {

    @TempDir
    Path config;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("STAGEPORT_CONFIG_DIR", config.toString());
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), all, Clock.systemUTC(), false));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("login", "stages", "deploy", "promote", "config", "ops");
    }

    @Test
    void theRootAnswersItsShortHelpAndVersionOptionsAndRunAloneShowsItsHelp() {
        assertThat(run(Map.of(), "-h")).isZero();
        assertThat(out.toString()).startsWith("Usage: stageport [-hV] [COMMAND]").contains("Exit codes:");
        String help = out.toString();
        assertThat(run(Map.of())).isZero();
        assertThat(out.toString()).isEqualTo(help);
        for (String option : new String[] {"-V", "--version"}) {
            assertThat(run(Map.of(), option)).isZero();
            assertThat(out.toString()).isEqualTo("stageport 0.1.0" + System.lineSeparator());
        }
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        assertThat(run(Map.of(), "stages", "--colour")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("stageport: ").contains("--colour");
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearestOneOnOneLine() {
        String nl = System.lineSeparator();
        assertThat(run(Map.of(), "deplyo", "--stage", "QA")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: unknown command 'deplyo'; did you mean 'deploy'?" + nl);
        assertThat(run(Map.of(), "ops", "lsit")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: unknown command 'ops lsit'; did you mean 'ops list'?" + nl);
        assertThat(run(Map.of(), "stages", "--outptu", "json")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: unknown option '--outptu'; did you mean '--output'?" + nl);
        assertThat(run(Map.of(), "xyzzy")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).as("nothing is near").isEqualTo("stageport: unknown command 'xyzzy'; see "
                + "'stageport --help'" + nl);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void withoutCredentialsCommandsAskForLogin() {
        assertThat(run(Map.of(), "stages", "--url", "http://127.0.0.1:1")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("stageport login");
    }

    @Test
    void aUrlWithoutSchemeIsAUsageErrorBeforeAnythingIsSent() {
        Map<String, String> env = Map.of("STAGEPORT_CLIENT_ID", "x", "STAGEPORT_CLIENT_SECRET", "y");
        assertThat(run(env, "stages", "--url", "localhost:8080")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("stageport: the server URL must start with http:// or https:// (got"
                + " 'localhost:8080')" + System.lineSeparator());
        assertThat(run(Map.of(), "login", "--url", "stageport.example.com", "--client-id", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("must start with http:// or https://");
    }

    @Test
    void unreachableServerIsAServerErrorOnOneLine() {
        int code = run(Map.of("STAGEPORT_CLIENT_ID", "x", "STAGEPORT_CLIENT_SECRET", "y"), "stages", "--url",
                "http://127.0.0.1:1");
        assertThat(code).isEqualTo(ExitCode.SERVER);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("stageport: cannot reach http://127.0.0.1:1");
    }

    @Test
    void badDurationIsAUsageError() {
        assertThat(run(Map.of(), "ops", "wait", "k", "--timeout", "soon")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("soon");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        picocli.CommandLine root = StageportCli.commandLine(new CliContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new BufferedReader(new StringReader("")), Map.of(),
                Clock.systemUTC(), false));
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.ArrayDeque<java.util.List<String>> todo = new java.util.ArrayDeque<>();
        root.getSubcommands().keySet().forEach(name -> todo.add(java.util.List.of(name)));
        while (!todo.isEmpty()) {
            java.util.List<String> path = todo.poll();
            picocli.CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            final java.util.List<String> parent = path;
            command.getSubcommands().keySet().forEach(name -> {
                java.util.List<String> child = new java.util.ArrayList<>(parent);
                child.add(name);
                todo.add(child);
            });
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            int code = run(Map.of(), args.toArray(String[]::new));
            if (code != 0 || !out.toString().contains("Example:")) {
                missing.add(String.join(" ", path));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void completionPrintsABashScript() {
        assertThat(run(Map.of(), "completion")).isZero();
        assertThat(out.toString()).contains("complete -F").contains("promote");
    }

    @Test
    void debugAddsTheStackTraceAndWithoutItThereIsNone() {
        Map<String, String> env = Map.of("STAGEPORT_CLIENT_ID", "x", "STAGEPORT_CLIENT_SECRET", "y");
        run(env, "stages", "--url", "http://127.0.0.1:1");
        assertThat(err.toString()).doesNotContain("\tat ");
        run(env, "stages", "--url", "http://127.0.0.1:1", "--debug");
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void missingRequiredOptionIsOneUsageLine() {
        assertThat(run(Map.of(), "deploy", "--asset", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--stage");
    }

    @Test
    void malformedPipelineFileIsOneUsageLine() throws Exception {
        Path file = config.resolve("bad.yaml");
        java.nio.file.Files.writeString(file, "asset: [unclosed\n");
        int code = run(Map.of("STAGEPORT_CLIENT_ID", "x", "STAGEPORT_CLIENT_SECRET", "y"), "promote", file.toString(),
                "--url", "http://127.0.0.1:1");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("bad.yaml");
    }
}
