package dev.stageport.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A failed build's Error messages and its FinishedWithErrors status are one write: when the
 * status cannot be written, no Error message is left behind that claims the build ended.
 */
class BuildFailureAtomicityTest extends OneTickServerTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void whenTheFailedStatusCannotBeWrittenNoErrorMessageIsVisibleAndTheNextWorkerWritesBoth() {
        TestApp app = newApp();
        Api.Response started = api.post(BuildCancelTest.BUILDS, """
                {"assetKey":"%s","assetRevision":1,"buildType":"Debug"}""".formatted(app.key()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String key = started.json().get("buildKey").asString();
        assertThat(api.post(BuildCancelTest.CANCEL.formatted(key), "{\"reason\": \"superseded\"}").status())
                .isEqualTo(202);

        // the database refuses this build's terminal status: the worker fails between its messages and its status
        jdbc.sql("alter table build add constraint refuse_failed_status_in_test check (status <> 'FinishedWithErrors'"
                + " or build_key <> '" + key + "')").update();
        try {
            assertThatThrownBy(this::tick).isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.sql("alter table build drop constraint refuse_failed_status_in_test").update();
        }

        assertThat(builds.find(key).orElseThrow().status()).isEqualTo(Build.BuildStatus.Running);
        assertThat(builds.messages(key)).noneMatch(m -> m.severity().equals("Error"));

        clock.advance(Duration.ofMinutes(1)); // the failed worker's lease expires; the next one ends the build
        assertThat(tick()).isTrue();
        assertThat(builds.find(key).orElseThrow().status()).isEqualTo(Build.BuildStatus.FinishedWithErrors);
        assertThat(builds.messages(key)).filteredOn(m -> m.severity().equals("Error"))
                .anyMatch(m -> m.message().contains("Cancelled by " + CLIENT_ID + ": superseded"))
                .anyMatch(m -> m.type().equals("BuildFinished"));
    }
}
