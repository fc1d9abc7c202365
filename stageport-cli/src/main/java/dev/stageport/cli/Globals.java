package dev.stageport.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every command takes. */
public class Globals {

    public enum Format { table, json }

    @Option(names = "--url", description = "Server base URL (default: $STAGEPORT_URL, the logged-in URL, "
            + "or http://localhost:8080)")
    String url;

    @Option(names = "--client-id", description = "API client id (default: $STAGEPORT_CLIENT_ID); the secret comes "
            + "from $STAGEPORT_CLIENT_SECRET, never from the command line")
    String clientId;

    @Option(names = {"-o", "--output"}, description = "table or json (json prints only JSON)", defaultValue = "table")
    Format output = Format.table;

    @Option(names = "--timeout", description = "How long to wait for an operation (e.g. 10m, 90s)",
            defaultValue = "30m", converter = DurationConverter.class)
    Duration timeout = Duration.ofMinutes(30);

    @Option(names = "--debug", description = "Print stack traces of errors (for bug reports)")
    boolean debug;

    public boolean json() {
        return output == Format.json;
    }
}
