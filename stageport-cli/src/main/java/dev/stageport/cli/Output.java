package dev.stageport.cli;

import dev.stageport.client.JsonTrees;
import dev.stageport.client.OdcClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Everything a command prints goes through here: tables or JSON on stdout,
 * progress on stderr (a rewritten line on a terminal, timestamped lines in CI
 * logs, nothing at all with --output json).
 */
public final class Output {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CliContext context;
    private final Globals globals;
    private int progressWidth;

    public Output(CliContext context, Globals globals) {
        this.context = context;
        this.globals = globals;
    }

    public boolean json() {
        return globals.json();
    }

    public void json(JsonNode node) {
        context.out().println(Pretty.WRITER.writeValueAsString(node));
    }

    /** A table in table mode, or the given JSON in json mode. */
    public void table(JsonNode asJson, List<String> headers, List<List<String>> rows) {
        if (json()) {
            json(asJson);
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String value = cell(row, i);
                line.append(value);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - value.length() + 2));
                }
            }
            context.out().println(line.toString().stripTrailing());
        }
    }

    public void line(String text) {
        if (!json()) {
            context.out().println(text);
        }
    }

    /** One step of progress; on a terminal the line is rewritten in place. */
    public void progress(String text, Duration elapsed) {
        if (json()) {
            return;
        }
        String line = text + " (" + elapsed.toSeconds() + "s)";
        if (context.interactive()) {
            String padded = line + " ".repeat(Math.max(0, progressWidth - line.length()));
            context.err().print("\r" + padded);
            context.err().flush();
            progressWidth = line.length();
        } else {
            context.err().println(TIME.format(context.clock().instant()) + " " + text);
        }
    }

    /** A line for a person on stderr, also with --output json (it is not the command's result). */
    public void note(String text) {
        context.err().println("stageport: " + text);
    }

    /** Ends a progress line on a terminal. */
    public void endProgress() {
        if (!json() && context.interactive() && progressWidth > 0) {
            context.err().println();
            progressWidth = 0;
        }
    }

    public Instant now() {
        return context.clock().instant();
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }

    static tools.jackson.databind.node.ArrayNode array() {
        return JsonTrees.array();
    }

    /** Made only when JSON is printed: a table needs no mapper (see JsonTrees). */
    private static final class Pretty {
        static final ObjectWriter WRITER = OdcClient.json().writer().with(SerializationFeature.INDENT_OUTPUT);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }
}
