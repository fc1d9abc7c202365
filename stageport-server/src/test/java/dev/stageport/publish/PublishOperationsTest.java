package dev.stageport.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PublishOperationsTest extends ServerTest {

    static final String PUBLISH = "/api/deployments/v1/publish-operations";

    @Test
    void publishWithoutAStageBuildsAReleaseBuildAndDeploysItToDevelopmentInOneOperation() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Published", "[]")));

        Api.Response created = api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + key
                + "\",\"revision\":1}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("Running");
        assertThat(created.json().get("operation").asString()).isEqualTo("Publish");
        assertThat(created.json().has("finishedDateTime")).isFalse();
        String opKey = created.json().get("key").asString();
        JsonNode done = awaitStatus(api, PUBLISH + "/" + opKey, "Running");
        assertThat(done.get("status").asString()).isEqualTo("Finished");
        assertThat(done.get("revision").asInt()).isEqualTo(1);
        String buildKey = done.get("buildKey").asString();
        assertThat(api.get("/api/builds/v1/build-operations/" + buildKey).json().get("buildType").asString())
                .isEqualTo("Release");
        JsonNode deployed = api.get("/api/portfolios/v1/deployed-assets?key=" + key + "&environmentKey="
                + DemoData.DEVELOPMENT).json().get("results");
        assertThat(deployed).hasSize(1);
        List<String> steps = new ArrayList<>();
        api.get(PUBLISH + "/" + opKey + "/messages").json().get("results")
                .forEach(m -> steps.add(m.get("additionalInfo").get("stepId").asString()));
        assertThat(steps).containsSubsequence("Build", "Package", "Deploy", "Activate", "Deploy");
        JsonNode listed = api.get(PUBLISH + "?assetKey=" + key + "&status=Finished").json();
        assertThat(listed.get("results")).hasSize(1);
        assertThat(listed.get("results").get(0).get("key").asString()).isEqualTo(opKey);
        assertThat(api.get(PUBLISH + "?assetKey=" + key + "&status=Running").json().get("results")).isEmpty();
    }

    @Test
    void publishToQaReusesTheFinishedReleaseBuildOfTheRevision() throws Exception {
        TestApp app = newApp();

        JsonNode created = api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key()
                + "\",\"revision\":1,\"environmentKey\":\"" + DemoData.QA + "\"}").json();

        assertThat(created.get("buildKey").asString()).isEqualTo(app.release1());
        assertThat(awaitStatus(api, PUBLISH + "/" + created.get("key").asString(), "Running").get("status")
                .asString()).isEqualTo("Finished");
        assertThat(api.get("/api/portfolios/v1/deployed-assets?key=" + app.key() + "&environmentKey=" + DemoData.QA)
                .json().get("results")).hasSize(1);
    }

    @Test
    void publishWhoseBuildFailsEndsFinishedWithErrorAndDeploysNothing() throws Exception {
        UUID library = upload(TestBundles.withManifest(TestBundles.libraryManifest(UUID.randomUUID(), "Unbuilt",
                "LibSetting")));
        UUID app = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Needs lib",
                "[{\"assetKey\": \"" + library + "\", \"revision\": 1}]")));

        String opKey = api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app + "\",\"revision\":1,"
                + "\"environmentKey\":\"" + DemoData.QA + "\"}").json().get("key").asString();

        JsonNode done = awaitStatus(api, PUBLISH + "/" + opKey, "Running");
        assertThat(done.get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(done.get("finishedDateTime").asString()).isNotBlank();
        String messages = api.get(PUBLISH + "/" + opKey + "/messages").json().get("results").toString();
        assertThat(messages).contains("no finished Release build").contains("finished with errors");
        assertThat(api.get("/api/portfolios/v1/deployed-assets?key=" + app + "&environmentKey=" + DemoData.QA)
                .json().get("results")).isEmpty();
    }

    @Test
    void badPublishRequestsGet400Or404() throws Exception {
        TestApp app = newApp();

        api.post(PUBLISH, "{\"assetKey\":\"" + app.key() + "\",\"revision\":1}").problem(400);
        api.post(PUBLISH, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key() + "\",\"revision\":1}")
                .problem(400);
        api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key() + "\"}").problem(400);
        api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + UUID.randomUUID() + "\",\"revision\":1}")
                .problem(404);
        api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key() + "\",\"revision\":9}")
                .problem(404);
        api.get(PUBLISH + "/" + UUID.randomUUID()).problem(404);
        api.get(PUBLISH + "/" + UUID.randomUUID() + "/messages").problem(404);
        api.get(PUBLISH + "?sort=Colour").problem(400);
    }

    @Test
    void publishNeedsAssetChangeOnTheTargetStageAndReadingNeedsViewOnIt() throws Exception {
        TestApp app = newApp();
        Map<Permission, Set<String>> qaOnly = new EnumMap<>(Permission.class);
        qaOnly.put(Permission.ASSET_CHANGE, Set.of(DemoData.QA));
        qaOnly.put(Permission.STAGE_VIEW, Set.of(DemoData.QA));
        Api qaPublisher = clientWith(qaOnly);
        Api viewer = clientWith(everywhere(Permission.STAGE_VIEW));

        viewer.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key() + "\",\"revision\":1,"
                + "\"environmentKey\":\"" + DemoData.QA + "\"}").problem(403);
        qaPublisher.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key() + "\",\"revision\":1,"
                + "\"environmentKey\":\"" + DemoData.PRODUCTION + "\"}").problem(403);
        String devOp = api.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key()
                + "\",\"revision\":1}").json().get("key").asString();

        qaPublisher.get(PUBLISH + "/" + devOp).problem(403);
        assertThat(qaPublisher.get(PUBLISH + "?assetKey=" + app.key()).json().get("results")).isEmpty();
        assertThat(viewer.get(PUBLISH + "?assetKey=" + app.key()).json().get("results")).hasSize(1);
        Api.Response allowed = qaPublisher.post(PUBLISH, "{\"operation\":\"Publish\",\"assetKey\":\"" + app.key()
                + "\",\"revision\":1,\"environmentKey\":\"" + DemoData.QA + "\"}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        awaitStatus(api, PUBLISH + "/" + devOp, "Running");
    }
}
