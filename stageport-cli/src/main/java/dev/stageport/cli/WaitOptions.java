package dev.stageport.cli;

import dev.stageport.client.PollSchedule;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to wait for an operation: pushed events when the server has them, else the docs' polling advice. */
class WaitOptions {

    @Option(names = "--wait", description = "Wait until the operation ends; exit 1 if it ends FinishedWithError")
    boolean wait;

    @Option(names = "--poll-fast", defaultValue = "5s", converter = DurationConverter.class,
            description = "Polling interval at first (default ${DEFAULT-VALUE})")
    Duration fast = Duration.ofSeconds(5);

    @Option(names = "--poll-fast-for", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to poll at the fast interval (default ${DEFAULT-VALUE})")
    Duration fastFor = Duration.ofSeconds(30);

    @Option(names = "--poll-slow", defaultValue = "30s", converter = DurationConverter.class,
            description = "Polling interval afterwards (default ${DEFAULT-VALUE})")
    Duration slow = Duration.ofSeconds(30);

    @Option(names = "--no-push", description = "Poll even when the server can push status changes")
    boolean noPush;

    PollSchedule schedule() {
        return new PollSchedule(fast, fastFor, slow);
    }
}
