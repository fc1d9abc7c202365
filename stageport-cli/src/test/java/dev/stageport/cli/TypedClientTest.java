package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.OperationWatcher;
import dev.stageport.client.PollSchedule;
import dev.stageport.client.model.BuildDetails;
import dev.stageport.client.model.DeploymentOperation;
import dev.stageport.client.model.Environment;
import dev.stageport.client.model.OperationMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Java client's typed calls walk the documented workflow against a real server. */
class TypedClientTest {

    @Test
    void typedWorkflowFromStagesToFinishedDeployment() {
        Odc odc = new Odc(new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID, RunningServer.CLIENT_SECRET));
        Environment qa = odc.environments().stream().filter(e -> e.name().equals("QA")).findFirst().orElseThrow();
        assertThat(qa.purpose()).isEqualTo("NonProduction");
        String app = CliReadCommandsTest.APP;
        assertThat(odc.revisions(app).map(r -> r.revision()).toList()).containsExactly(2, 1);
        BuildDetails release = odc.builds(app, 1, "Release").get(0);
        assertThat(release.deployable()).isTrue();

        DeploymentOperation started = odc.deploy(qa.key(), app, release.buildKey(), 1);
        assertThat(started.status()).isEqualTo("Running");
        assertThat(started.revisions()).containsExactly(1);
        JsonNode end = new OperationWatcher(odc.client(), PollSchedule.ODC_ADVICE, true)
                .await(Odc.OPERATIONS, started.key(), Duration.ofSeconds(30), new OperationWatcher.Listener() {
                    @Override
                    public void status(JsonNode operation) {
                    }

                    @Override
                    public void message(JsonNode message) {
                    }
                });
        assertThat(end.path("status").asString()).isEqualTo("Finished");
        DeploymentOperation finished = odc.operation(started.key());
        assertThat(finished.ended()).isTrue();
        assertThat(finished.finishedDateTime()).isAfterOrEqualTo(finished.startedDateTime());
        List<OperationMessage> messages = odc.messages(started.key()).toList();
        assertThat(messages).extracting(OperationMessage::stepId).contains("Validate", "Record");
    }
}
