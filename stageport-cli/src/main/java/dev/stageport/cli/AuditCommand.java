package dev.stageport.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The audit log of mutating requests (needs ManageApiClients on every stage). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport audit --stage QA --status 4xx --since 24h"},
        description = "Show the audit log of changes, newest first.")
class AuditCommand extends ServerCommand {

    static final String PATH = "/api/stageport/v1/audit-events";

    @Option(names = "--client", paramLabel = "ID", description = "Only this API client")
    String clientId;

    @Option(names = "--stage", description = "Only this stage (key or name)")
    String stage;

    @Option(names = "--asset", description = "Only this asset (key or name)")
    String asset;

    @Option(names = "--method", description = "POST, PUT, PATCH or DELETE")
    String method;

    @Option(names = "--status", description = "A status code (404) or class (4xx)")
    String status;

    @Option(names = "--since", paramLabel = "T", description = "RFC 3339 time, or a duration ago such as 30m or 24h")
    String since;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE})")
    int limit;

    AuditCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more, got " + limit);
        }
        StringBuilder path = new StringBuilder(PATH + "?limit=" + Math.min(limit, 100));
        param(path, "clientId", clientId);
        param(path, "environmentKey", stage == null ? null : Names.stageKey(client(), stage));
        param(path, "assetKey", asset == null ? null : Names.assetKey(client(), asset));
        param(path, "method", method);
        param(path, "status", status);
        param(path, "since", since == null ? null : since(since));
        ArrayNode all = Output.array();
        client().list(path.toString()).limit(limit).forEach(all::add);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : all) {
            rows.add(List.of(Output.text(e, "occurredAt"), Output.text(e, "clientId"), Output.text(e, "method"),
                    Output.text(e, "status"), Output.text(e, "path"), Output.text(e, "remoteAddress")));
        }
        out().table(all, List.of("TIME", "CLIENT", "METHOD", "STATUS", "PATH", "FROM"), rows);
        return ExitCode.OK;
    }

    private String since(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant().toString();
        } catch (DateTimeParseException notATime) {
            try {
                Duration ago = new DurationConverter().convert(value);
                return out().now().minus(ago).toString();
            } catch (RuntimeException notADuration) {
                throw new UsageException("--since takes an RFC 3339 time such as 2026-01-31T08:00:00Z or a "
                        + "duration such as 30m or 24h, got '" + value + "'");
            }
        }
    }

    private static void param(StringBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }
}
