package dev.stageport.builds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancelling a build, driven one engine cycle at a time. */
class BuildCancelTest extends OneTickServerTest {

    static final String BUILDS = "/api/builds/v1/build-operations";
    static final String CANCEL = "/api/stageport/v1/build-operations/%s/cancel";

    @Test
    void aCancelledBuildEndsFinishedWithErrorsNamingWhoAndWhyAndCannotBeCancelledAgain() {
        TestApp app = newApp();
        Api.Response started = api.post(BUILDS, """
                {"assetKey":"%s","assetRevision":1,"buildType":"Debug"}""".formatted(app.key()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String key = started.json().get("buildKey").asString();

        assertThat(api.post(CANCEL.formatted(key), "{\"reason\": \"superseded\"}").status()).isEqualTo(202);
        assertThat(tick()).isTrue();

        assertThat(api.get(BUILDS + "/" + key).json().get("status").asString()).isEqualTo("FinishedWithErrors");
        JsonNode log = api.get(BUILDS + "/" + key + "/log-messages").json();
        assertThat(log.toString()).contains("Cancelled by " + CLIENT_ID + ": superseded").contains("BuildCancelled");
        api.post(CANCEL.formatted(key), "{\"reason\": \"again\"}").problem(409);
    }

    @Test
    void cancelOfAnUnknownBuildIs404AndNeedsAssetOpen() {
        api.post(CANCEL.formatted(UUID.randomUUID()), "{\"reason\": \"who\"}").problem(404);
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(dev.stageport.demo.DemoData.QA)));
        viewer.post(CANCEL.formatted(UUID.randomUUID()), "{\"reason\": \"who\"}").problem(403);
    }
}
