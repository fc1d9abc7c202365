package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OperationWatcher;
import dev.stageport.client.PollSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Shared by the commands that start or follow an operation. */
final class Operations {

    static final String DEPLOYMENTS = "/api/deployments/v1/deployment-operations";
    static final String PUBLISHES = "/api/deployments/v1/publish-operations";

    private Operations() {
    }

    private static final List<String> HEADERS = List.of("KEY", "OPERATION", "STATUS", "STAGE", "ASSET",
            "REVISIONS", "STARTED", "FINISHED");

    /**
     * The names a person reads for an operation's stage and asset, which the ODC answer does not
     * all carry (no stage; a publish has no asset name). A null stage leaves the STAGE column out.
     */
    record Labels(String stage, String asset) {
        static final Labels NONE = new Labels(null, null);
    }

    /** Prints one operation as a one-row table (or its JSON). */
    static void print(Output out, JsonNode op) {
        print(out, op, Labels.NONE);
    }

    static void print(Output out, JsonNode op, Labels labels) {
        out.table(op, headers(labels.stage() != null), List.of(row(op, labels)));
    }

    static List<String> headers(boolean withStage) {
        return withStage ? HEADERS : HEADERS.stream().filter(h -> !h.equals("STAGE")).toList();
    }

    /** "1,2" for [1,2]; by hand, since a node's toString builds a mapper of its own. */
    private static String revisions(JsonNode revisions) {
        if (!revisions.isArray()) {
            return revisions.toString().replaceAll("[\\[\\]]", "");
        }
        List<String> each = new ArrayList<>();
        revisions.forEach(r -> each.add(r.isNumber() ? r.asString() : r.toString()));
        return String.join(",", each);
    }

    /** A row under {@link #headers}; the asset's name as the answer gives it, else the label, else its key. */
    static List<String> row(JsonNode op, Labels labels) {
        String revisions = op.has("revisions") ? revisions(op.path("revisions")) : Output.text(op, "revision");
        String asset = !Output.text(op, "assetName").isEmpty() ? Output.text(op, "assetName")
                : labels.asset() != null ? labels.asset() : Output.text(op, "assetKey");
        List<String> row = new ArrayList<>(List.of(Output.text(op, "key"), Output.text(op, "operation"),
                Output.text(op, "status")));
        if (labels.stage() != null) {
            row.add(labels.stage());
        }
        row.addAll(List.of(asset, revisions, Output.text(op, "startedDateTime"),
                Output.text(op, "finishedDateTime")));
        return row;
    }

    /**
     * Waits for the operation, showing progress, and maps its end to an exit code:
     * Finished → 0, FinishedWithError → 1, timeout → 3.
     */
    static int await(OdcClient client, Output out, String collection, String key, Duration timeout,
                     PollSchedule schedule, boolean push) {
        return await(client, out, collection, key, timeout, schedule, push, Labels.NONE);
    }

    static int await(OdcClient client, Output out, String collection, String key, Duration timeout,
                     PollSchedule schedule, boolean push, Labels labels) {
        JsonNode last = follow(client, out, collection, key, timeout, schedule, push);
        print(out, last, labels);
        return exitCode(last);
    }

    static int exitCode(JsonNode operation) {
        return "Finished".equals(Output.text(operation, "status")) ? ExitCode.OK : ExitCode.OPERATION_FAILED;
    }

    /**
     * Follows an operation to its end with progress on stderr, and returns it
     * without printing it: for operations that are not the command's result.
     */
    static JsonNode follow(OdcClient client, Output out, String collection, String key, Duration timeout,
                           PollSchedule schedule, boolean push) {
        Instant started = out.now();
        OperationWatcher watcher = new OperationWatcher(client, schedule, push);
        JsonNode last;
        try {
            last = watcher.await(collection, key, timeout, new OperationWatcher.Listener() {
                @Override
                public void status(JsonNode operation) {
                    out.progress(key + " " + Output.text(operation, "status"), Duration.between(started, out.now()));
                }

                @Override
                public void message(JsonNode message) {
                    String step = message.path("additionalInfo").path("stepId").asString(
                            message.path("stepId").asString(""));
                    out.progress("[" + step + "] " + Output.text(message, "severity") + ": "
                            + Output.text(message, "message"), Duration.between(started, out.now()));
                }

                @Override
                public void connection(boolean reachable, String detail) {
                    out.endProgress();
                    out.note(reachable ? "reached the server again; still waiting for " + key
                            : "lost the server (" + detail + "); waiting for it to come back, up to the timeout");
                }
            });
        } catch (OperationWatcher.WaitTimeout e) {
            out.endProgress();
            throw new TimeoutException(e.getMessage() + " (" + timeout.toSeconds() + "s)");
        }
        out.endProgress();
        return last;
    }

    /** Waiting ran out of time (exit code 3). */
    static class TimeoutException extends RuntimeException {
        TimeoutException(String message) {
            super(message);
        }
    }
}
