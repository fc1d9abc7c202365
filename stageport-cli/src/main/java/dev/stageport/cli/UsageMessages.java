package dev.stageport.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import picocli.CommandLine;

/**
 * The one line a usage error prints. A mistyped command or option names the nearest one, so
 * a typo is fixed without reading the help. Nearest is by Jaro-Winkler similarity, which
 * counts a swap of two letters as close ('lsit' is 'list'); picocli's own suggestions compare
 * letter pairs and would offer 'wait' there.
 */
final class UsageMessages {

    /** Below this nothing is near enough to be what was meant, and the help is named instead. */
    private static final double NEAR_ENOUGH = 0.8;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private UsageMessages() {
    }

    static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            CommandLine command = e.getCommandLine();
            String typed = unmatched.getUnmatched().get(0);
            String parent = parentPath(command);
            if (unmatched.isUnknownOption()) {
                return "unknown option '" + typed + "'"
                        + hint(nearest(typed, command.getCommandSpec().optionsMap().keySet()), "", parent);
            }
            if (!command.getSubcommands().isEmpty()) {
                return "unknown command '" + parent + typed + "'"
                        + hint(nearest(typed, command.getSubcommands().keySet()), parent, parent);
            }
        }
        return e.getMessage();
    }

    private static Optional<String> nearest(String typed, Collection<String> names) {
        return names.stream().filter(name -> name.startsWith("--") == typed.startsWith("--"))
                .map(name -> new Scored(name, SIMILARITY.apply(typed, name)))
                .filter(s -> s.score() >= NEAR_ENOUGH)
                .max(Comparator.comparingDouble(Scored::score)).map(Scored::name);
    }

    private record Scored(String name, double score) {
    }

    /** "ops " for a subcommand of ops, "" at the top. */
    private static String parentPath(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1) + " ";
    }

    private static String hint(Optional<String> nearest, String prefix, String parent) {
        return nearest.map(name -> "; did you mean '" + prefix + name + "'?")
                .orElse("; see 'stageport " + parent + "--help'");
    }
}
