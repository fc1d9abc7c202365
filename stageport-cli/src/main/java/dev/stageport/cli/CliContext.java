package dev.stageport.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world: its streams, environment,
 * clock and config folder. Passed in so tests run the CLI in-process with
 * their own environment and still see exactly what a user would.
 */
public record CliContext(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env,
                         Clock clock, boolean interactive) {

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Where the token cache lives: $STAGEPORT_CONFIG_DIR, else ~/.stageport. */
    public Path configDir() {
        String dir = env("STAGEPORT_CONFIG_DIR");
        if (dir != null) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("user.home"), ".stageport");
    }
}
