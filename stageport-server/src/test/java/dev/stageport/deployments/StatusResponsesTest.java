package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The kept statuses: an answer read before a change never outlives it. */
class StatusResponsesTest {

    private final SettableClock clock = new SettableClock();
    private final StatusResponses statuses = new StatusResponses(JsonMapper.builder().build(), clock);

    private static DeploymentOperation running(String key) {
        return operation(key, OperationStatus.Running);
    }

    private static DeploymentOperation operation(String key, OperationStatus status) {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        return new DeploymentOperation(key, DeploymentOperationsType.Deploy, "app", "App", 1, "build", "qa", null,
                status, started, status.terminal() ? started : null, started, "pipeline", "Validate", null, null, null, 0, 1);
    }

    @Test
    void runningAnswerReadBeforeALocalChangeIsNotKept() {
        String key = "4b6a3b0e-0000-4000-8000-000000000001";
        long readStarts = statuses.readStarts(key);
        statuses.changed(key);   // the write commits while the poll reads the old row
        statuses.of(running(key), readStarts);
        assertThat(statuses.find(key)).isNull();
    }

    @Test
    void runningAnswerIsDroppedByALocalChangeAndHoldsASweepOtherwise() {
        String key = "4b6a3b0e-0000-4000-8000-000000000002";
        statuses.of(running(key), statuses.readStarts(key));
        assertThat(statuses.find(key)).isNotNull();
        clock.advance(StatusResponses.RUNNING_FRESH);
        assertThat(statuses.find(key)).as("still within the bound").isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(statuses.find(key)).isNull();

        statuses.of(running(key), statuses.readStarts(key));
        statuses.changed(key);
        assertThat(statuses.find(key)).isNull();
    }

    @Test
    void runningAnswerReadBeforeAnotherReplicaEndedTheOperationNeverReplacesTheEnd() {
        String key = "4b6a3b0e-0000-4000-8000-000000000003";
        long slowPollStarts = statuses.readStarts(key);
        statuses.of(operation(key, OperationStatus.Finished), statuses.readStarts(key));
        StatusResponses.Cached answered = statuses.of(running(key), slowPollStarts);
        assertThat(answered.json()).asString().contains("\"status\":\"Finished\"");
        assertThat(statuses.find(key).json()).asString().contains("\"status\":\"Finished\"");
    }
}
