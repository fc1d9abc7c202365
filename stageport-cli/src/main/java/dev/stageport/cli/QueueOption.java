package dev.stageport.cli;

import picocli.CommandLine.Option;

/** --queue, for the operations that hold a stage and asset while they run. */
class QueueOption {
    @Option(names = "--queue", description = "If an operation is already running on this stage and asset, "
            + "wait for it to end, then start (instead of failing with 409)")
    boolean queue;
}
