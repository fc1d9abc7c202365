package dev.stageport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.support.Api;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Approvals of Deploys: the AwaitApproval step, approve, reject, timeout and self-approval, over HTTP. */
class ApprovalFlowTest extends ReleaseSafetySupport {

    @Autowired
    SimulatedRuntime simulated;

    private String approverId;
    private Api approver;

    private Api approver() {
        approverId = "approver-" + UUID.randomUUID();
        approver = clientWith(approverId, Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.PRODUCTION),
                Permission.STAGE_VIEW, Set.of(DemoData.PRODUCTION)));
        return approver;
    }

    private JsonNode pendingFor(String opKey) {
        for (JsonNode a : api.get(APPROVALS + "?status=Pending").json().get("results")) {
            if (a.get("operationKey").asString().equals(opKey)) {
                return a;
            }
        }
        throw new AssertionError("no pending approval for " + opKey);
    }

    private String decide(Api client, String approvalKey, String verb, String comment, int expected) {
        Api.Response r = client.post(APPROVALS + "/" + approvalKey + "/" + verb, "{\"comment\": \"" + comment + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r.body();
    }

    @Test
    void aDeployWaitsInAwaitApprovalNamingWhoMustApproveAndRunsOnceApproved() {
        approver();
        putPolicy(DemoData.PRODUCTION, "{\"requiredApprovals\": 1, \"approvers\": [\"" + approverId + "\"]}");
        TestApp app = newApp();
        String key = start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));

        assertThat(tick()).isTrue();
        assertThat(status(key)).isEqualTo("Running");
        assertThat(messages(key)).anyMatch(m -> m.startsWith("AwaitApproval: Waiting for approval")
                && m.contains("1 approval from one of " + approverId) && m.contains("not the requester " + CLIENT_ID));
        assertThat(simulated.calls(key, SimulatedRuntime.PROVISION)).as("nothing provisioned yet").isZero();
        assertThat(tick()).as("the waiting Deploy is snoozed, not due").isFalse();
        JsonNode pending = pendingFor(key);
        assertThat(pending.get("environmentKey").asString()).isEqualTo(DemoData.PRODUCTION);
        assertThat(pending.get("assetKey").asString()).isEqualTo(app.key());
        assertThat(pending.get("revision").asInt()).isEqualTo(1);
        assertThat(pending.get("requestedBy").asString()).isEqualTo(CLIENT_ID);

        String body = decide(approver, pending.get("key").asString(), "approve", "looks good", 200);
        assertThat(body).contains("\"status\":\"Approved\"", "looks good", approverId);
        tickUntilIdle();

        assertThat(status(key)).isEqualTo("Finished");
        assertThat(messages(key)).anyMatch(m -> m.startsWith("AwaitApproval: Approval")
                && m.contains("approved by " + approverId + ": looks good"));
        assertThat(messages(key).stream().filter(m -> m.startsWith("Validate:"))).as("no repeated messages")
                .hasSize(1);
        JsonNode audit = api.get("/api/stageport/v1/audit-events?clientId=" + approverId).json().get("results");
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("looks good");
    }

    @Test
    void theRequesterCannotApproveTheirOwnDeployNorCanAClientOutsideTheApprovers() {
        approver();
        putPolicy(DemoData.PRODUCTION, "{\"requiredApprovals\": 1, \"approvers\": [\"" + CLIENT_ID + "\", \""
                + approverId + "\"]}");
        TestApp app = newApp();
        String key = start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
        tick();
        String approval = pendingFor(key).get("key").asString();

        JsonNode self = api.post(APPROVALS + "/" + approval + "/approve", "{\"comment\": \"mine\"}").problem(403);
        assertThat(self.get("detail").asString()).contains("requested this Deploy and cannot approve it");
        Api outsider = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.PRODUCTION)));
        JsonNode other = outsider.post(APPROVALS + "/" + approval + "/approve", "{\"comment\": \"me\"}").problem(403);
        assertThat(other.get("detail").asString()).contains("not an approver");
        approver.post(APPROVALS + "/" + approval + "/approve", "{}").problem(400);
        assertThat(tick()).isFalse();
        assertThat(status(key)).isEqualTo("Running");

        decide(approver, approval, "approve", "ok", 200);
        approver.post(APPROVALS + "/" + approval + "/approve", "{\"comment\": \"again\"}").problem(409);
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Finished");
    }

    @Test
    void aRejectionEndsTheDeployFinishedWithErrorNamingWhoRejectedAndWhy() {
        approver();
        putPolicy(DemoData.PRODUCTION, "{\"requiredApprovals\": 2}");
        Api second = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.PRODUCTION)));
        TestApp app = newApp();
        String key = start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
        tick();
        String approval = pendingFor(key).get("key").asString();

        assertThat(decide(second, approval, "approve", "fine by me", 200)).contains("\"status\":\"Pending\"");
        assertThat(tick()).as("one of two approvals does not wake it").isFalse();
        decide(approver, approval, "reject", "not on a Friday", 200);
        tickUntilIdle();

        assertThat(status(key)).isEqualTo("FinishedWithError");
        assertThat(messages(key).get(messages(key).size() - 1)).contains("Rejected", "rejected by " + approverId
                + ": not on a Friday");
        assertThat(simulated.calls(key, SimulatedRuntime.PROVISION)).isZero();
        assertThat(api.get(APPROVALS + "/" + approval).json().get("status").asString()).isEqualTo("Rejected");
    }

    @Test
    void anApprovalThatTimesOutEndsTheDeploySayingTimeRanOut() {
        approver();
        putPolicy(DemoData.PRODUCTION, "{\"requiredApprovals\": 1, \"approvalTimeoutMinutes\": 10}");
        TestApp app = newApp();
        String key = start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
        tick();
        String approval = pendingFor(key).get("key").asString();
        clock.advance(Duration.ofMinutes(9));
        assertThat(tick()).as("still within its time").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(tick()).isTrue();
        assertThat(status(key)).isEqualTo("FinishedWithError");
        assertThat(messages(key).get(messages(key).size() - 1)).contains("The approval time ran out", approval);
        assertThat(api.get(APPROVALS + "/" + approval).json().get("status").asString()).isEqualTo("Expired");
        JsonNode late = approver.post(APPROVALS + "/" + approval + "/approve", "{\"comment\": \"late\"}")
                .problem(409);
        assertThat(late.get("detail").asString()).contains("Expired");
    }

    @Test
    void approvalsNeedAViewerForReadingAndAKnownStatus() {
        api.get(APPROVALS + "?status=Bogus").problem(400);
        api.get(APPROVALS + "/" + UUID.randomUUID()).problem(404);
        api.post(APPROVALS + "/not-a-key/approve", "{\"comment\": \"x\"}").problem(400);
    }
}
