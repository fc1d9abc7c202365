package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.runtime.SimulatedRuntime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The stage policy's health gate over HTTP, with the simulated runtime failing the gate on request. */
class HealthGateTest extends DeploymentTestSupport {

    private static final String STAGE = DemoData.QA;
    private static final String POLICY = "/api/stageport/v1/environments/" + STAGE + "/policy";

    @Autowired
    private SimulatedRuntime simulated;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void noGate() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
    }

    private void gate(String json) {
        assertThat(api.put(POLICY, "{\"healthGate\": " + json + "}").status()).isEqualTo(200);
    }

    private String deployed(TestApp app, int revision) {
        String op = start(deployBody(STAGE, app.key(), revision == 1 ? app.release1() : app.release2(), revision));
        assertThat(awaitEnd(op).get("status").asString()).isEqualTo("Finished");
        return op;
    }

    private List<String> texts(String op) {
        return messages(op).stream().map(m -> m.get("message").asString()).toList();
    }

    @Test
    void aFailingGateSwitchesBackToThePreviousRevisionAndEndsWithTheProbeResults() {
        TestApp app = newApp();
        String first = deployed(app, 1);
        gate("{\"path\": \"/health\", \"seconds\": 60, \"failures\": 2}");
        simulate(STAGE, app.key(),
                "{\"stepMillis\":0,\"failStep\":\"HealthGate\",\"failMessage\":\"503 from /health\"}");

        String op = start(deployBody(STAGE, app.key(), app.release2(), 2));
        assertThat(awaitEnd(op).get("status").asString()).isEqualTo("FinishedWithError");

        List<String> texts = texts(op);
        assertThat(texts.get(texts.size() - 1)).contains("The health gate failed: 2 of 2 probes failed within 60 s")
                .contains("503 from /health").contains("switched back to revision 1");
        assertThat(simulated.calls(op, SimulatedRuntime.SWITCH_BACK)).isEqualTo(1);
        assertThat(simulated.calls(op, SimulatedRuntime.RETIRE_PREVIOUS)).as("the previous one is not retired")
                .isZero();
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().deploymentKey()).isEqualTo(first);
    }

    @Test
    void aPassingGateProbesForItsWindowBeforeThePreviousRevisionIsRetired() {
        TestApp app = newApp();
        deployed(app, 1);
        gate("{\"seconds\": 1, \"failures\": 3}");
        String op = deployed(app, 2);

        List<JsonNode> messages = messages(op);
        List<String> steps = messages.stream().map(m -> m.path("additionalInfo").path("stepId").asString())
                .toList();
        assertThat(steps.indexOf("HealthGate")).isGreaterThan(steps.indexOf("Activate"));
        assertThat(steps.lastIndexOf("HealthGate")).isLessThan(steps.indexOf("RetirePrevious"));
        assertThat(texts(op)).anySatisfy(t -> assertThat(t).startsWith("Health gate passed").contains("0 failed"));
        assertThat(simulated.calls(op, SimulatedRuntime.HEALTH_GATE)).isGreaterThanOrEqualTo(2);
        assertThat(simulated.calls(op, SimulatedRuntime.SWITCH_BACK)).isZero();
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void aCancelDuringTheGateSwitchesBack() throws InterruptedException {
        TestApp app = newApp();
        String first = deployed(app, 1);
        gate("{\"seconds\": 600, \"failures\": 3}");
        String op = start(deployBody(STAGE, app.key(), app.release2(), 2));
        awaitStep(op, "HealthGate");
        assertThat(api.post("/api/stageport/v1/deployment-operations/" + op + "/cancel",
                "{\"reason\": \"looks wrong\"}").status()).isEqualTo(202);

        assertThat(awaitEnd(op).get("status").asString()).isEqualTo("FinishedWithError");
        List<String> texts = texts(op);
        assertThat(texts.get(texts.size() - 1)).contains("Cancelled by " + CLIENT_ID + ": looks wrong");
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("switched back to revision 1"));
        assertThat(simulated.calls(op, SimulatedRuntime.SWITCH_BACK)).isEqualTo(1);
        assertThat(deployedAssets.find(STAGE, app.key()).orElseThrow().deploymentKey()).isEqualTo(first);
    }

    @Test
    void withoutAGateNoProbeRuns() {
        TestApp app = newApp();
        String op = deployed(app, 1);
        assertThat(simulated.calls(op, SimulatedRuntime.HEALTH_GATE)).isZero();
        assertThat(messages(op)).noneSatisfy(m -> assertThat(m.path("additionalInfo").path("stepId").asString())
                .isEqualTo("HealthGate"));
    }

    @Test
    void aGateWithNegativeOrAbsurdNumbersOrARelativePathIsRefusedNamingTheField() {
        gate("{\"seconds\": 30, \"failures\": 2}");
        String before = api.get(POLICY).body();
        List<List<String>> cases = List.of(
                List.of("{\"seconds\": -1, \"failures\": 2}", "healthGate.seconds"),
                List.of("{\"seconds\": 86400000, \"failures\": 2}", "healthGate.seconds"),
                List.of("{\"failures\": 2}", "healthGate.seconds"),
                List.of("{\"seconds\": 30, \"failures\": 0}", "healthGate.failures"),
                List.of("{\"seconds\": 30, \"failures\": 99999}", "healthGate.failures"),
                List.of("{\"path\": \"health\", \"seconds\": 30, \"failures\": 2}", "healthGate.path"),
                List.of("{\"path\": \"/he alth\", \"seconds\": 30, \"failures\": 2}", "healthGate.path"),
                List.of("{\"seconds\": \"soon\", \"failures\": 2}", "seconds"));
        for (List<String> bad : cases) {
            JsonNode problem = api.put(POLICY, "{\"healthGate\": " + bad.get(0) + "}").problem(400);
            assertThat(problem.get("detail").asString()).as(bad.get(0)).contains(bad.get(1));
        }
        assertThat(api.get(POLICY).body()).as("nothing stored").isEqualTo(before);
        assertThat(api.get(POLICY).json().get("healthGate").get("seconds").asInt()).isEqualTo(30);
    }

    private void awaitStep(String key, String step) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            String current = jdbc.sql("select current_step from work_item where op_key = ?").param(key)
                    .query((rs, n) -> String.valueOf(rs.getString(1))).single();
            if (step.equals(current)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("operation " + key + " never reached step " + step);
    }
}
