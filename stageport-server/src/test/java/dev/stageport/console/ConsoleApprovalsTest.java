package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The approvals inbox over real HTTP: who sees which buttons, and that the policy's rules hold when posted. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleApprovalsTest extends ServerTest {

    static final String QA = ConsolePagesTest.QA;
    static final String POLICY = "/api/stageport/v1/environments/" + QA + "/policy";
    static final String OPS = "/api/deployments/v1/deployment-operations";
    static final String DEPLOYER_ON_QA = "[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"},"
            + "{\"permission\":\"AppDeploy\",\"environmentKey\":\"" + QA + "\"}]";

    private final List<String> started = new ArrayList<>();

    /** The policy is empty again and no Deploy of these tests is left waiting for an approval. */
    @AfterEach
    void emptyPolicyAndNothingWaiting() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
        for (String op : started) {
            if (api.get(OPS + "/" + op).json().get("status").asString().equals("Running")) {
                assertThat(api.post("/api/stageport/v1/deployment-operations/" + op + "/cancel",
                        "{\"reason\":\"test over\"}").status()).isIn(202, 409);
            }
        }
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void requireApprovalFrom(String... approvers) {
        Api.Response r = api.put(POLICY, "{\"requiredApprovals\":1,\"approvers\":[\"" + String.join("\",\"", approvers)
                + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String deployByThePipeline(TestApp app) {
        Api.Response r = api.post(OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key() + "\",\"buildKey\":\""
                + app.release1() + "\",\"revision\":1,\"environmentKey\":\"" + QA + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        started.add(r.json().get("key").asString());
        return r.json().get("key").asString();
    }

    private JsonNode approvalOf(String opKey) {
        for (JsonNode a : api.get("/api/stageport/v1/approvals").json().get("results")) {
            if (a.get("operationKey").asString().equals(opKey)) {
                return a;
            }
        }
        throw new AssertionError("no approval for " + opKey);
    }

    private static HttpResponse<String> decide(ConsoleSession browser, String approvalKey, String verb,
                                               String comment) {
        return browser.post("/console/approvals/" + approvalKey + "/" + verb, Map.of("comment", comment,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf("/console/approvals")));
    }

    /** The table row of one approval in the inbox. */
    private static String row(String inbox, String approvalKey) {
        int start = inbox.indexOf("data-approval=\"" + approvalKey + "\"");
        assertThat(start).as("approval " + approvalKey + " in the inbox").isPositive();
        return inbox.substring(start, inbox.indexOf("</tr>", start));
    }

    @Test
    void anApproverSeesThePendingDeployAndApprovesItWithACommentRecordedAsTheirs() throws InterruptedException {
        String approver = name("approver");
        ConsoleSession browser = ConsoleSession.newUser(api, baseUrl(), approver, DEPLOYER_ON_QA);
        requireApprovalFrom("user:" + approver);
        TestApp app = newApp();
        String op = deployByThePipeline(app);
        String approval = approvalOf(op).get("key").asString();

        String row = row(browser.get("/console/approvals").body(), approval);
        HttpResponse<String> approved = decide(browser, approval, "approve", "looks <b>good</b>");

        assertThat(row).contains(op, "QA", "r1", CLIENT_ID, "none yet", "class=\"approve\"", "class=\"reject\"");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/console/approvals");
        JsonNode decided = approvalOf(op);
        assertThat(decided.get("status").asString()).isEqualTo("Approved");
        assertThat(decided.get("decisions").get(0).get("decidedBy").asString()).isEqualTo("user:" + approver);
        assertThat(decided.get("decisions").get(0).get("comment").asString()).isEqualTo("looks <b>good</b>");
        assertThat(awaitStatus(api, OPS + "/" + op, "Running").get("status").asString()).isEqualTo("Finished");
        JsonNode audited = api.get("/api/stageport/v1/audit-events?clientId=user:" + approver).json().get("results");
        assertThat(audited).extracting(e -> e.get("path").asString() + " " + e.get("reason").asString())
                .contains("/console/approvals/" + approval + "/approve looks <b>good</b>");
    }

    @Test
    void decisionsSoFarAreShownAsText() {
        String first = name("first");
        ConsoleSession approver = ConsoleSession.newUser(api, baseUrl(), first, DEPLOYER_ON_QA);
        assertThat(api.put(POLICY, "{\"requiredApprovals\":2,\"approvers\":[\"user:" + first + "\",\"" + CLIENT_ID
                + "\",\"user:admin\"]}").status()).isEqualTo(200);
        String op = deployByThePipeline(newApp());
        String approval = approvalOf(op).get("key").asString();
        decide(approver, approval, "approve", "<script>alert(1)</script>");
        ConsoleSession admin = new ConsoleSession(baseUrl());
        admin.signIn("admin", ADMIN_PASSWORD);

        String row = row(admin.get("/console/approvals").body(), approval);

        assertThat(row).contains("user:" + first, "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)", "none yet");
        assertThat(row(approver.get("/console/approvals").body(), approval)).doesNotContain("class=\"approve\"");
    }

    @Test
    void theRequesterMayRejectButIsNotOfferedApproveAndIsRefusedWhenPosting() {
        String requester = name("requester");
        ConsoleSession browser = ConsoleSession.newUser(api, baseUrl(), requester, DEPLOYER_ON_QA);
        requireApprovalFrom("user:" + requester, CLIENT_ID);
        TestApp app = newApp();
        HttpResponse<String> deploy = browser.post("/console/assets/" + app.key() + "/deploy", Map.of(
                "buildKey", app.release1(), "revision", "1", "environmentKey", QA,
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", browser.csrf("/console/approvals")));
        String location = deploy.headers().firstValue("Location").orElseThrow();
        String op = location.substring(location.lastIndexOf('/') + 1);
        started.add(op);
        String approval = approvalOf(op).get("key").asString();

        String row = row(browser.get("/console/approvals").body(), approval);
        HttpResponse<String> self = decide(browser, approval, "approve", "mine");

        assertThat(approvalOf(op).get("requestedBy").asString()).isEqualTo("user:" + requester);
        assertThat(row).contains("class=\"reject\"").doesNotContain("class=\"approve\"");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("requested this Deploy and cannot approve it");
        assertThat(approvalOf(op).get("status").asString()).isEqualTo("Pending");
        assertThat(decide(browser, approval, "reject", "changed my mind").statusCode()).isEqualTo(302);
        assertThat(approvalOf(op).get("status").asString()).isEqualTo("Rejected");
    }

    @Test
    void aUserWhoIsNotAnApproverIsOfferedNoButtonsAndIsRefusedWhenPosting() {
        requireApprovalFrom(CLIENT_ID);
        ConsoleSession outsider = ConsoleSession.newUser(api, baseUrl(), name("outsider"), DEPLOYER_ON_QA);
        String op = deployByThePipeline(newApp());
        String approval = approvalOf(op).get("key").asString();

        String row = row(outsider.get("/console/approvals").body(), approval);
        HttpResponse<String> posted = decide(outsider, approval, "approve", "let me");
        HttpResponse<String> noComment = decide(outsider, approval, "reject", "");
        HttpResponse<String> noCsrf = outsider.post("/console/approvals/" + approval + "/approve",
                Map.of("comment", "x", "idempotencyKey", UUID.randomUUID().toString()));

        assertThat(row).contains("not yours to decide").doesNotContain("<form");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("not an approver");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(approvalOf(op).get("status").asString()).isEqualTo("Pending");
        assertThat(approvalOf(op).get("decisions").size()).isZero();
    }

    @Test
    void aUserWithoutViewOnTheStageDoesNotSeeItsApprovals() {
        requireApprovalFrom(CLIENT_ID);
        String op = deployByThePipeline(newApp());
        String approval = approvalOf(op).get("key").asString();
        ConsoleSession elsewhere = ConsoleSession.newUser(api, baseUrl(), name("dev-only"),
                "[{\"permission\":\"StageView\",\"environmentKey\":\"" + ConsolePagesTest.DEVELOPMENT + "\"}]");

        String inbox = elsewhere.get("/console/approvals").body();
        HttpResponse<String> posted = decide(elsewhere, approval, "reject", "no");

        assertThat(inbox).doesNotContain(approval, op);
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(approvalOf(op).get("status").asString()).isEqualTo("Pending");
    }

    @Test
    void aDeployWaitingForApprovalIsCancelledFromItsLivePageByWhoeverMayDeployThere() throws InterruptedException {
        requireApprovalFrom(CLIENT_ID);
        String op = deployByThePipeline(newApp());
        ConsoleSession viewer = ConsoleSession.newUser(api, baseUrl(), name("viewer"),
                "[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"}]");
        ConsoleSession admin = new ConsoleSession(baseUrl());
        admin.signIn("admin", ADMIN_PASSWORD);
        String page = "/console/operations/" + op;

        String offeredToViewer = viewer.get(page).body();
        HttpResponse<String> refused = viewer.post(page + "/cancel", Map.of("reason", "no",
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", viewer.csrf(page)));
        String offeredToAdmin = admin.get(page).body();
        HttpResponse<String> cancelled = admin.post(page + "/cancel", Map.of("reason", "wrong build",
                "idempotencyKey", UUID.randomUUID().toString(), "_csrf", admin.csrf(page)));

        assertThat(offeredToViewer).contains("op-status").doesNotContain("id=\"cancel\"");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(offeredToAdmin).contains("id=\"cancel\"");
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(cancelled.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(awaitStatus(api, OPS + "/" + op, "Running").get("status").asString())
                .isEqualTo("FinishedWithError");
        assertThat(admin.get(page + "/live").body()).contains("Cancelled by user:admin: wrong build")
                .doesNotContain("id=\"cancel\"");
    }
}
