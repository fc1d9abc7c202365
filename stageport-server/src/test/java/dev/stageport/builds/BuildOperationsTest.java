package dev.stageport.builds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.bundles.TestBundles;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class BuildOperationsTest extends ServerTest {

    static final String BUILDS = "/api/builds/v1/build-operations";

    @Autowired
    ArtifactStore store;

    @Test
    void releaseBuildOfAnUploadedRevisionFinishesWithADigestAddressedArtifactAndRunSpec() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Built", "[]")));

        Api.Response started = api.post(BUILDS, body(key, 1, "Release"));

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("isSuccessful").asBoolean()).isTrue();
        String buildKey = started.json().get("buildKey").asString();
        JsonNode build = awaitStatus(api, BUILDS + "/" + buildKey, "Pending", "Running");
        assertThat(build.get("status").asString()).isEqualTo("Finished");
        assertThat(build.get("buildType").asString()).isEqualTo("Release");
        assertThat(build.get("builtBy").asString()).isEqualTo(CLIENT_ID);
        assertThat(build.get("finishedDateTime").asString()).isNotBlank();
        BuildArtifact artifact = builds.artifact(buildKey).orElseThrow();
        assertThat(artifact.runSpec().command()).containsExactly("sh", "app/run.sh");
        Path zip = store.find(artifact.digest()).orElseThrow();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            file.stream().forEach(e -> names.add(e.getName()));
            assertThat(names).containsExactly("app/run.sh", "manifest.json", "build.json");
        }
        List<String> steps = new ArrayList<>();
        api.get(BUILDS + "/" + buildKey + "/log-messages").json().get("results")
                .forEach(m -> steps.add(m.get("stepId").asString()));
        assertThat(steps).containsSubsequence("Validate", "ResolveLibraries", "Package", "Record");
    }

    @Test
    void secondRequestForTheSameRevisionAndTypeGetsTheSameBuildWhileAnotherTypeGetsItsOwn() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Twice", "[]")));

        String first = api.post(BUILDS, body(key, 1, "Release")).json().get("buildKey").asString();
        Api.Response again = api.post(BUILDS, body(key, 1, "Release"));
        Api.Response debug = api.post(BUILDS, "{\"assetKey\":\"" + key + "\",\"assetRevision\":1}");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("buildKey").asString()).isEqualTo(first);
        String debugKey = debug.json().get("buildKey").asString();
        assertThat(debugKey).isNotEqualTo(first);
        assertThat(awaitStatus(api, BUILDS + "/" + debugKey, "Pending", "Running").get("buildType").asString())
                .isEqualTo("Debug");
        assertThat(api.get(BUILDS + "?assetKey=" + key + "&assetRevision=1&byBuildType=Release").json()
                .get("builds")).hasSize(1);
    }

    @Test
    void buildOfAnAppWhoseLibraryHasNoReleaseBuildEndsFinishedWithErrorsThenSucceedsOnceTheLibraryIsBuilt()
            throws Exception {
        UUID library = upload(TestBundles.withManifest(TestBundles.libraryManifest(UUID.randomUUID(), "Lib",
                "LibSetting")));
        UUID app = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Uses lib",
                "[{\"assetKey\": \"" + library + "\", \"revision\": 1}]")));

        String failedKey = api.post(BUILDS, body(app, 1, "Release")).json().get("buildKey").asString();
        JsonNode failed = awaitStatus(api, BUILDS + "/" + failedKey, "Pending", "Running");

        assertThat(failed.get("status").asString()).isEqualTo("FinishedWithErrors");
        JsonNode log = api.get(BUILDS + "/" + failedKey + "/log-messages").json().get("results");
        List<String> errors = new ArrayList<>();
        log.forEach(m -> {
            if (m.get("severity").asString().equals("Error")) {
                errors.add(m.get("message").asString());
            }
        });
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(library.toString())
                .contains("no finished Release build"));
        assertThat(builds.artifact(failedKey)).isEmpty();

        String libraryBuild = api.post(BUILDS, body(library, 1, "Release")).json().get("buildKey").asString();
        assertThat(awaitStatus(api, BUILDS + "/" + libraryBuild, "Pending", "Running").get("status").asString())
                .isEqualTo("Finished");
        String retryKey = api.post(BUILDS, body(app, 1, "Release")).json().get("buildKey").asString();

        assertThat(retryKey).isNotEqualTo(failedKey);
        assertThat(awaitStatus(api, BUILDS + "/" + retryKey, "Pending", "Running").get("status").asString())
                .isEqualTo("Finished");
        try (ZipFile file = new ZipFile(store.find(builds.artifact(retryKey).orElseThrow().digest()).orElseThrow()
                .toFile())) {
            assertThat(file.getEntry("libraries/" + library + "/manifest.json")).isNotNull();
        }
        assertThat(builds.artifact(libraryBuild).orElseThrow().runSpec()).isNull();
    }

    @Test
    void buildOfARevisionThatCameWithoutABundleEndsFinishedWithErrorsSayingSo() throws Exception {
        TestApp app = newApp();

        String key = api.post(BUILDS, body(UUID.fromString(app.key()), 1, "Debug")).json().get("buildKey")
                .asString();

        assertThat(awaitStatus(api, BUILDS + "/" + key, "Pending", "Running").get("status").asString())
                .isEqualTo("FinishedWithErrors");
        assertThat(api.get(BUILDS + "/" + key + "/log-messages").json().get("results").toString())
                .contains("not created from a bundle");
    }

    @Test
    void badBuildRequestsGet400Or404() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Bad", "[]")));

        api.post(BUILDS, "{\"assetRevision\":1,\"buildType\":\"Release\"}").problem(400);
        api.post(BUILDS, "{\"assetKey\":\"" + key + "\",\"buildType\":\"Release\"}").problem(400);
        api.post(BUILDS, body(key, 1, "Nightly")).problem(400);
        api.post(BUILDS, "{\"assetKey\":\"not-a-uuid\",\"assetRevision\":1}").problem(400);
        api.post(BUILDS, body(UUID.randomUUID(), 1, "Release")).problem(404);
        api.post(BUILDS, body(key, 7, "Release")).problem(404);
    }

    @Test
    void startingABuildWithoutAssetOpenThen403() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Denied", "[]")));
        Api viewer = clientWith(everywhere(Permission.STAGE_VIEW));

        viewer.post(BUILDS, body(key, 1, "Release")).problem(403);

        assertThat(api.get(BUILDS + "?assetKey=" + key).json().get("builds")).isEmpty();
    }

    static String body(UUID assetKey, int revision, String type) {
        return "{\"assetKey\":\"" + assetKey + "\",\"assetRevision\":" + revision + ",\"buildType\":\"" + type
                + "\"}";
    }
}
