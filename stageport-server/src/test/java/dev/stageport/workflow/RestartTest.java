package dev.stageport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.StageportApplication;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two lives of one server on one data folder: what the first stored is there for
 * the second, and an operation the first left Running (its worker gone with the
 * process) is resumed by the second from its last completed step and finishes.
 */
@org.junit.jupiter.api.Tag(dev.stageport.support.ServerTest.DATABASE)
class RestartTest {

    private static final Path DATA = Path.of("target", "test-data", "restart-" + UUID.randomUUID());

    @Test
    void restartKeepsDataAndResumesOperationsLeftRunningToFinished() throws InterruptedException {
        String orphan = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start()) {
            Api api = login(first);
            assertThat(api.get("/api/portfolios/v1/environments").json().get("results")).hasSize(3);
            assertThat(api.patch("/api/asset-configurations/v1/environments/" + DemoData.QA + "/applications/"
                    + DemoData.APP + "/configurations", """
                    {"revisionBaseline": 1, "settings": [{"key": "%s", "value": "kept"}]}"""
                    .formatted(DemoData.SETTING_GREETING)).status()).isEqualTo(204);
            // What a crash leaves behind: a Running operation claimed by a worker that no longer exists.
            Instant past = Instant.now().minusSeconds(120);
            first.getBean(JdbcClient.class).sql("""
                    insert into deployment_operation (op_key, operation, asset_key, asset_name, revision, build_key,
                        env_key, status, started_at, updated_at, deployed_by, current_step, claimed_by,
                        lease_expires_at, attempts, version, active_target)
                    values (?, 'Deploy', ?, ?, 2, ?, ?, 'Running', ?, ?, 'test', 'Provision', 'dead-worker', ?, 1, 3, ?)""")
                    .params(orphan, DemoData.APP, DemoData.APP_NAME, DemoData.BUILD_REV2_RELEASE, DemoData.PRODUCTION,
                            Timestamp.from(past), Timestamp.from(past), Timestamp.from(past),
                            DemoData.PRODUCTION + ":" + DemoData.APP)
                    .update();
            first.getBean(JdbcClient.class).sql("""
                    insert into work_item (op_key, kind, state, current_step, last_completed_step, claimed_by,
                        lease_expires_at, attempts, version, not_before, created_at)
                    values (?, 'deployment', 'Running', 'Provision', 'ResolveConfiguration', 'dead-worker', ?, 1, 3,
                        ?, ?)""")
                    .params(orphan, Timestamp.from(past), Timestamp.from(past), Timestamp.from(past))
                    .update();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = login(second);
            String status = "Running";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (status.equals("Running") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                status = api.get("/api/deployments/v1/deployment-operations/" + orphan).json().get("status")
                        .asString();
            }
            assertThat(status).isEqualTo("Finished");
            assertThat(api.get("/api/deployments/v1/deployment-operations/" + orphan + "/messages").body())
                    .contains("resuming after step ResolveConfiguration").contains("Traffic switched to revision 2");
            var settings = api.get("/api/asset-configurations/v1/environments/" + DemoData.QA + "/applications/"
                    + DemoData.APP + "/revisions/1/configurations").json().get("settings");
            boolean kept = false;
            for (var setting : settings) {
                kept |= setting.get("key").asString().equals(DemoData.SETTING_GREETING)
                        && setting.get("value").asString().equals("kept");
            }
            assertThat(kept).as("pending value survives the restart: %s", settings).isTrue();
        }
    }

    /** Both lives on the run's database: in the PostgreSQL run, PostgreSQL (before, H2 in both runs). */
    private static ConfigurableApplicationContext start() {
        List<String> database = new ArrayList<>();
        TestDatabase.properties("restart").forEach((name, value) -> database.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(StageportApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0",
                "--stageport.data-dir=" + DATA,
                "--stageport.bootstrap.client-id=restart",
                "--stageport.bootstrap.client-secret=restart-secret-0123456789",
                "--stageport.demo.step-duration=10ms",
                "--stageport.demo.runtime-driver=simulated",
                "--stageport.engine.poll-interval=50ms",
                "--stageport.engine.lease=3s"), database.stream()).toArray(String[]::new));
    }

    private static Api login(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Api api = new Api("http://localhost:" + port);
        api.login("restart", "restart-secret-0123456789");
        return api;
    }
}
