package dev.stageport.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** Approvals of Deploys to stages whose policy requires them (Stageport's own API, docs/release-safety.md). */
final class ApprovalCommands {

    static final String PATH = "/api/stageport/v1/approvals";

    private ApprovalCommands() {
    }

    @Command(name = "approvals", mixinStandardHelpOptions = true,
            footer = {"%nExample:", "  stageport approvals --status Pending"},
            description = "List approvals of Deploys, newest first (default: the pending ones).")
    static class ListApprovals extends ServerCommand {
        @Option(names = "--status", defaultValue = "Pending",
                description = "Pending, Approved, Rejected, Expired or all (default ${DEFAULT-VALUE})")
        String status;

        ListApprovals(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            String path = "all".equalsIgnoreCase(status) ? PATH
                    : PATH + "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8);
            ArrayNode all = Output.array();
            client().list(path).forEach(all::add);
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode a : all) {
                rows.add(List.of(Output.text(a, "key"), Output.text(a, "status"), Output.text(a, "environmentKey"),
                        Output.text(a, "assetKey"), Output.text(a, "revision"), Output.text(a, "requestedBy"),
                        approvals(a), Output.text(a, "operationKey")));
            }
            out().table(all, List.of("KEY", "STATUS", "STAGE", "ASSET", "REVISION", "REQUESTED BY", "APPROVALS",
                    "OPERATION"), rows);
            return ExitCode.OK;
        }

        private static String approvals(JsonNode a) {
            long approved = 0;
            for (JsonNode d : a.path("decisions")) {
                approved += "Approve".equals(d.path("decision").asString("")) ? 1 : 0;
            }
            return approved + "/" + a.path("requiredApprovals").asInt();
        }
    }

    /** approve and reject: one POST with the comment. */
    abstract static class Decide extends ServerCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "The approval's key (see 'stageport approvals')")
        String key;

        @Option(names = "--comment", required = true, description = "Why; kept with the decision and in the audit log")
        String comment;

        Decide(CliContext context) {
            super(context);
        }

        abstract String verb();

        @Override
        protected int run() {
            JsonNode approval = client().post(PATH + "/" + key + "/" + verb(), Map.of("comment", comment));
            if (out().json()) {
                out().json(approval);
            } else {
                out().line("Approval " + key + " is now " + Output.text(approval, "status") + "; its Deploy is "
                        + "operation " + Output.text(approval, "operationKey") + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            footer = {"%nExample:", "  stageport approve APPROVAL_KEY --comment \"CAB-1234 ok\""},
            description = "Approve a waiting Deploy (not your own).")
    static class Approve extends Decide {
        Approve(CliContext context) {
            super(context);
        }

        @Override
        String verb() {
            return "approve";
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            footer = {"%nExample:", "  stageport reject APPROVAL_KEY --comment \"not on a Friday\""},
            description = "Reject a waiting Deploy: it ends FinishedWithError naming you and the comment.")
    static class Reject extends Decide {
        Reject(CliContext context) {
            super(context);
        }

        @Override
        String verb() {
            return "reject";
        }
    }
}
