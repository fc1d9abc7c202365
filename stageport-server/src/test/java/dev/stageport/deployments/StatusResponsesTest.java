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
        statuses.find(key);   // the refresh, taken by one poll
        assertThat(statuses.find(key)).as("still within the bound").isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(statuses.find(key)).isNull();
        assertThat(statuses.current(key)).isNull();

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

    @Test
    void oneFastPollReadsARunningAnswerAgainBeforeItExpiresWhileTheOthersAreStillAnsweredFromIt() {
        String key = "4b6a3b0e-0000-4000-8000-000000000004";
        statuses.of(running(key), statuses.readStarts(key));
        clock.advance(StatusResponses.RUNNING_FRESH.minus(StatusResponses.REFRESH_AHEAD));
        assertThat(statuses.find(key)).as("not due yet").isNotNull();
        assertThat(statuses.current(key)).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(statuses.find(key)).as("the poll that refreshes it").isNull();
        assertThat(statuses.find(key)).as("the polls meanwhile").isNotNull();
        assertThat(statuses.find(key)).isNotNull();
        assertThat(statuses.current(key)).as("the refreshing poll's full path reads the operation").isNull();

        statuses.of(running(key), statuses.readStarts(key));
        assertThat(statuses.current(key)).isNotNull();
        clock.advance(StatusResponses.RUNNING_FRESH.minus(StatusResponses.REFRESH_AHEAD).plusMillis(1));
        assertThat(statuses.find(key)).as("the read renewed it: one refresh per second").isNull();
    }

    @Test
    void finishedAnswerIsNeverReadAgain() {
        String key = "4b6a3b0e-0000-4000-8000-000000000005";
        statuses.of(operation(key, OperationStatus.Finished), statuses.readStarts(key));
        clock.advance(Duration.ofDays(365));
        assertThat(statuses.find(key)).isNotNull();
        assertThat(statuses.current(key)).isNotNull();
    }
}
