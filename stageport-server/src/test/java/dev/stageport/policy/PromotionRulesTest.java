package dev.stageport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Promotion rules of the stage policy (promoteFrom, minSoakMinutes) over HTTP. */
class PromotionRulesTest extends ReleaseSafetySupport {

    @Test
    void aRevisionThatNeverFinishedInTheSourceStageIsRefusedNamingTheRuleAndTheStage() {
        putPolicy(DemoData.PRODUCTION, "{\"promoteFrom\": [\"" + DemoData.QA + "\"]}");
        TestApp app = newApp();
        JsonNode problem = api.post(OPS, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1)).problem(409);
        assertThat(problem.get("errorCode").asString()).isEqualTo("PromotionRuleBroken");
        assertThat(problem.get("detail").asString()).contains("promoteFrom", "QA (" + DemoData.QA + ")",
                "revision 1");

        deployed(DemoData.QA, app, app.release1(), 1);
        deployed(DemoData.PRODUCTION, app, app.release1(), 1);
        JsonNode other = api.post(OPS, deployBody(DemoData.PRODUCTION, app.key(), app.release2(), 2)).problem(409);
        assertThat(other.get("detail").asString()).as("revision 2 never ran in QA").contains("revision 2");
    }

    @Test
    void aRevisionMaySoakItsMinutesInTheSourceStageBeforeItDeploys() {
        putPolicy(DemoData.PRODUCTION, "{\"promoteFrom\": [\"" + DemoData.QA + "\"], \"minSoakMinutes\": 30}");
        TestApp app = newApp();
        deployed(DemoData.QA, app, app.release1(), 1);
        clock.advance(Duration.ofMinutes(29));
        JsonNode early = api.post(OPS, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1)).problem(409);
        assertThat(early.get("detail").asString()).contains("minSoakMinutes", "run 29 of the 30 minutes");

        clock.advance(Duration.ofMinutes(1));
        start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
    }

    @Test
    void aFailedDeployInTheSourceStageAfterTheRevisionFinishedThereBreaksTheSoak() {
        TestApp app = newApp();
        deployed(DemoData.QA, app, app.release1(), 1);
        String sim = "/api/stageport/v1/environments/" + DemoData.QA + "/assets/" + app.key() + "/simulation";
        assertThat(api.put(sim, "{\"stepMillis\": 0, \"failStep\": \"HealthCheck\", \"failMessage\": \"broken\"}").status())
                .isEqualTo(204);
        String failed = start(api, deployBody(DemoData.QA, app.key(), app.release2(), 2));
        tickUntilIdle();
        assertThat(status(failed)).isEqualTo("FinishedWithError");
        api.put(sim, "{\"stepMillis\": 0, \"failStep\": null, \"failMessage\": null}");
        putPolicy(DemoData.PRODUCTION, "{\"promoteFrom\": [\"" + DemoData.QA + "\"], \"minSoakMinutes\": 5}");
        clock.advance(Duration.ofMinutes(6));

        JsonNode problem = api.post(OPS, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1)).problem(409);
        assertThat(problem.get("detail").asString()).contains("minSoakMinutes", "FinishedWithError");
    }

    @Test
    void badPromotionRulesAndApproversAre400NamingTheFieldAndStoreNothing() {
        putPolicy(DemoData.PRODUCTION, "{\"maxOperationSeconds\": 600}");
        String[][] cases = {
            {"{\"promoteFrom\": [\"" + UUID.randomUUID() + "\"]}", "promoteFrom"},
            {"{\"promoteFrom\": [\"QA\"]}", "promoteFrom"},
            {"{\"promoteFrom\": [\"" + DemoData.PRODUCTION + "\"]}", "promoteFrom"},
            {"{\"minSoakMinutes\": 10}", "promoteFrom"},
            {"{\"promoteFrom\": [\"" + DemoData.QA + "\"], \"minSoakMinutes\": -1}", "minSoakMinutes"},
            {"{\"requiredApprovals\": 1, \"approvers\": [\"nobody-" + UUID.randomUUID() + "\"]}", "approvers"},
            {"{\"requiredApprovals\": 2, \"approvers\": [\"" + CLIENT_ID + "\"]}", "approvers"},
            {"{\"approvers\": [\"" + CLIENT_ID + "\"]}", "requiredApprovals"},
            {"{\"requiredApprovals\": 1, \"approvalTimeoutMinutes\": 0}", "approvalTimeoutMinutes"},
            {"{\"requiredApprovals\": -1}", "requiredApprovals"}};
        for (String[] bad : cases) {
            JsonNode problem = api.put(policy(DemoData.PRODUCTION), bad[0]).problem(400);
            assertThat(problem.get("detail").asString()).as(bad[0]).contains("'" + bad[1] + "'");
        }
        JsonNode stored = api.get(policy(DemoData.PRODUCTION)).json();
        assertThat(stored.get("maxOperationSeconds").asInt()).isEqualTo(600);
        assertThat(stored.has("promoteFrom")).isFalse();
        assertThat(stored.has("requiredApprovals")).isFalse();
    }

    @Test
    void approversMayNameConsoleUsersAsUserColonNameAndUnknownOnesAre400() {
        String name = "approver-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name
                + "\",\"permissions\":[]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        putPolicy(DemoData.PRODUCTION, "{\"requiredApprovals\": 1, \"approvers\": [\"user:" + name + "\"]}");
        JsonNode bare = api.put(policy(DemoData.PRODUCTION), "{\"requiredApprovals\": 1, \"approvers\": [\""
                + name + "\"]}").problem(400);
        JsonNode unknown = api.put(policy(DemoData.PRODUCTION), "{\"requiredApprovals\": 1, \"approvers\": "
                + "[\"user:nobody-" + UUID.randomUUID() + "\"]}").problem(400);

        assertThat(api.get(policy(DemoData.PRODUCTION)).json().get("approvers").get(0).asString())
                .isEqualTo("user:" + name);
        assertThat(bare.get("detail").asString()).contains("'approvers'", "'user:" + name + "'");
        assertThat(unknown.get("detail").asString()).contains("'approvers'", "not a console user");
    }

    @Test
    void anEmptyPolicyLetsEveryDeployThroughWithoutWaiting() {
        putPolicy(DemoData.PRODUCTION, "{}");
        TestApp app = newApp();
        String key = deployed(DemoData.PRODUCTION, app, app.release1(), 1);
        assertThat(messages(key)).noneMatch(m -> m.startsWith("AwaitApproval"));
        assertThat(api.get(APPROVALS).body()).doesNotContain(key);
    }
}
