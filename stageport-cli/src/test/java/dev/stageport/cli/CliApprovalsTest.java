package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.OdcClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** stageport approvals / approve / reject against a real server: stdout, stderr and exit codes. */
class CliApprovalsTest extends CliReadCommandsTest {

    private static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";
    private static final String POLICY = "/api/stageport/v1/environments/" + PRODUCTION + "/policy";

    private final OdcClient admin = new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID,
            RunningServer.CLIENT_SECRET);
    private Map<String, String> approver;
    private String approverId;

    @BeforeEach
    void approverAndPolicy() {
        JsonNode created = admin.post("/api/stageport/v1/api-clients", Map.of("name", "approver", "permissions",
                List.of(Map.of("permission", "AppDeploy", "environmentKey", PRODUCTION),
                        Map.of("permission", "StageView", "environmentKey", PRODUCTION))));
        approverId = created.get("clientId").asString();
        approver = Map.of("STAGEPORT_CLIENT_ID", approverId,
                "STAGEPORT_CLIENT_SECRET", created.get("clientSecret").asString());
        admin.put(POLICY, Map.of("requiredApprovals", 1, "approvers", List.of(approverId)));
    }

    @AfterEach
    void emptyPolicy() {
        admin.put(POLICY, Map.of());
    }

    /** Deploys the demo app to Production (it waits for approval) and returns the approval's key. */
    private String waitingDeploy() {
        assertThat(run(credentials(), "", "deploy", "--stage", "Production", "--asset", "Hello Settings",
                "--output", "json")).as(err.toString()).isZero();
        String op = JsonMapper.builder().build().readTree(out.toString()).get("key").asString();
        assertThat(run(credentials(), "", "approvals", "--output", "json")).as(err.toString()).isZero();
        for (JsonNode a : JsonMapper.builder().build().readTree(out.toString())) {
            if (a.get("operationKey").asString().equals(op)) {
                return a.get("key").asString();
            }
        }
        throw new AssertionError("no pending approval for " + op + " in " + out);
    }

    @Test
    void anApproverApprovesAWaitingDeployWhichThenFinishes() {
        String key = waitingDeploy();
        assertThat(run(credentials(), "", "approvals")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("KEY").contains(key, "Pending", "0/1");

        assertThat(run(approver, "", "approve", key, "--comment", "CAB-1234 ok")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Approval " + key + " is now Approved");
        String op = admin.get("/api/stageport/v1/approvals/" + key).get("operationKey").asString();
        assertThat(run(credentials(), "", "ops", "wait", op)).as(err.toString()).isZero();
    }

    @Test
    void theRequesterCannotApproveAndARejectionEndsTheDeployWithAnError() {
        String key = waitingDeploy();
        assertThat(run(credentials(), "", "approve", key, "--comment", "mine")).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString()).contains("cannot approve it");
        assertThat(run(approver, "", "reject", key)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--comment");

        assertThat(run(approver, "", "reject", key, "--comment", "not on a Friday")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("is now Rejected");
        assertThat(run(credentials(), "", "approvals", "--status", "Rejected")).isZero();
        assertThat(out.toString()).contains(key);
        String op = admin.get("/api/stageport/v1/approvals/" + key).get("operationKey").asString();
        assertThat(run(credentials(), "", "ops", "wait", op)).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run(approver, "", "approve", key, "--comment", "too late")).isEqualTo(ExitCode.REJECTED);
    }
}
