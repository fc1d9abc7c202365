package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Prometheus sees after real operations ran through the engine. */
class MetricsTest extends DeploymentTestSupport {

    private static final List<String> DEPLOY_STEPS = DeploymentStep.DEPLOY.stream().map(Enum::name).toList();

    private String scrape() {
        Api.Response r = new Api(baseUrl()).get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /**
     * The worker reports its metrics just after the status commit that the API shows,
     * so the scrape may briefly lag the API: poll it (bounded).
     */
    private String scrapeUntil(Pattern... patterns) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            String text = scrape();
            boolean all = true;
            for (Pattern p : patterns) {
                all &= p.matcher(text).find();
            }
            if (all || System.currentTimeMillis() > deadline) {
                return text;
            }
            sleep(50);
        }
    }

    private static Pattern line(String name, String labels) {
        return Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " [1-9]");
    }

    @Test
    void finishedDeployIsCountedByOperationAndStatusAndEachStepIsTimed() {
        TestApp app = newApp();
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(awaitEnd(key).get("status").asString()).isEqualTo("Finished");

        Pattern finished = line("stageport_operations_total", "operation=\"Deploy\",status=\"Finished\"");
        List<Pattern> steps = DEPLOY_STEPS.stream().map(step -> line("stageport_operation_step_seconds_count",
                "operation=\"Deploy\",outcome=\"ok\",step=\"" + step + "\"")).toList();
        String text = scrapeUntil(steps.toArray(Pattern[]::new));

        assertThat(text).containsPattern(finished);
        steps.forEach(step -> assertThat(text).containsPattern(step));
        assertThat(text).as("step durations as a histogram, so quantiles can be computed across replicas")
                .contains("stageport_operation_step_seconds_bucket{");
    }

    @Test
    void failedDeployIsCountedAsFinishedWithErrorAndTheFailingStepAsFailed() {
        TestApp app = newApp();
        simulate(DemoData.QA, app.key(), """
                {"stepMillis":0,"failStep":"HealthCheck","failMessage":"readiness probe failed"}""");
        String key = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(awaitEnd(key).get("status").asString()).isEqualTo("FinishedWithError");

        Pattern failed = line("stageport_operations_total", "operation=\"Deploy\",status=\"FinishedWithError\"");
        Pattern step = line("stageport_operation_step_seconds_count",
                "operation=\"Deploy\",outcome=\"failed\",step=\"HealthCheck\"");
        assertThat(scrapeUntil(failed, step)).containsPattern(failed).containsPattern(step);
    }

    @Test
    void everyOperationTypeAndTerminalStatusIsExportedFromTheStart() {
        String text = scrape();
        for (DeploymentOperationsType type : DeploymentOperationsType.values()) {
            assertThat(text).contains("stageport_operations_total{operation=\"" + type + "\",status=\"Finished\"}",
                    "stageport_operations_total{operation=\"" + type + "\",status=\"FinishedWithError\"}");
        }
    }

    @Test
    void queueGaugesAreExported() {
        String text = scrape();
        assertThat(text).containsPattern("(?m)^stageport_queue_depth [0-9.]+")
                .containsPattern("(?m)^stageport_queue_oldest_age_seconds [0-9.]+");
    }

    @Test
    void requestLatencyIsAHistogramPerUriTemplate() {
        api.get(OPS + "?limit=1");
        String text = scrapeUntil(Pattern.compile("http_server_requests_seconds_bucket\\{.*uri=\"/api/deployments"));
        assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{.*uri=\"/api/deployments/v1/"
                + "deployment-operations\"");
    }
}
