package dev.stageport.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Publish operations on the engine, one cycle at a time. */
class PublishEngineTest extends OneTickServerTest {

    static final String PUBLISH = "/api/deployments/v1/publish-operations";

    @Autowired
    JdbcClient jdbc;

    private JsonNode publish(TestApp app, int revision) {
        Api.Response r = api.post(PUBLISH, """
                {"operation":"Publish","assetKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), revision, DemoData.QA));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A build some other live worker holds: the publish that waits for it stays Building. */
    private void holdBuild(String buildKey) {
        jdbc.sql("update work_item set claimed_by = 'busy-worker', lease_expires_at = ? where op_key = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofHours(1))), buildKey).update();
    }

    private String status(String key) {
        return api.get(PUBLISH + "/" + key).json().get("status").asString();
    }

    @Test
    void seventeenWaitingPublishesDoNotStarveANewerOneThatCanProceed() {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            TestApp app = newApp();
            jdbc.sql("delete from build where build_key = ?").param(app.release1()).update();
            JsonNode op = publish(app, 1);
            holdBuild(op.get("buildKey").asString());
            waiting.add(op.get("key").asString());
        }
        TestApp ready = newApp();
        String newest = publish(ready, 1).get("key").asString();

        tickUntilIdle(); // every publish looks once; the newest records its Deploy, which then runs
        clock.advance(Duration.ofSeconds(1));
        tickUntilIdle(); // one poll interval later every publish looks again

        assertThat(status(newest)).isEqualTo("Finished");
        waiting.forEach(key -> assertThat(status(key)).isEqualTo("Running"));
    }

    @Test
    void cancelOfAWaitingPublishEndsItWithErrorNamingWhoAndWhy() {
        TestApp app = newApp();
        jdbc.sql("delete from build where build_key = ?").param(app.release1()).update();
        JsonNode op = publish(app, 1);
        holdBuild(op.get("buildKey").asString());
        String key = op.get("key").asString();
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Running");

        assertThat(api.post("/api/stageport/v1/publish-operations/" + key + "/cancel",
                "{\"reason\": \"not this one\"}").status()).isEqualTo(202);
        assertThat(tick()).isTrue();

        assertThat(status(key)).isEqualTo("FinishedWithError");
        assertThat(api.get(PUBLISH + "/" + key + "/messages").body())
                .contains("Cancelled by " + CLIENT_ID + ": not this one");
        api.post("/api/stageport/v1/publish-operations/" + key + "/cancel", "{\"reason\": \"again\"}").problem(409);
    }
}
