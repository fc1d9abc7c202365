package dev.stageport.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets the options of {@link Globals} come before the subcommand too
 * ({@code stageport --url X --output json stages}): picocli only knows them on the
 * commands that mix them in, so they are moved behind the subcommand's name.
 */
final class GlobalOptions {

    private static final class Model {
        static final CommandLine.Model.CommandSpec GLOBALS =
                CommandLine.Model.CommandSpec.forAnnotatedObject(new Globals());
    }

    private GlobalOptions() {
    }

    static String[] afterSubcommand(CommandLine root, String[] args) {
        // nothing to move without a subcommand (--help, --version): then the options' model is not built
        if (java.util.Arrays.stream(args).noneMatch(root.getSubcommands()::containsKey)) {
            return args;
        }
        List<String> path = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        CommandLine current = root;
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            CommandLine sub = current.getSubcommands().get(arg);
            if (sub != null) {
                path.add(arg);
                current = sub;
                i++;
                continue;
            }
            OptionSpec option = global(arg);
            if (option == null) {
                break;
            }
            moved.add(arg);
            boolean takesValue = option.arity().max() > 0 && !arg.contains("=");
            if (takesValue && i + 1 < args.length) {
                moved.add(args[i + 1]);
                i++;
            }
            i++;
        }
        if (moved.isEmpty() || path.isEmpty()) {
            return args;
        }
        List<String> out = new ArrayList<>(path);
        out.addAll(moved);
        out.addAll(List.of(args).subList(i, args.length));
        return out.toArray(String[]::new);
    }

    private static OptionSpec global(String arg) {
        if (!arg.startsWith("-")) {
            return null;
        }
        int eq = arg.indexOf('=');
        return Model.GLOBALS.findOption(eq > 0 ? arg.substring(0, eq) : arg);
    }
}
