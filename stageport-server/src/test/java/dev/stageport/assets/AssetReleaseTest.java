package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tags, release notes, highest-tag-revision and deleting assets. */
class AssetReleaseTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets";

    @Autowired
    DeployedAssetRepository deployed;

    private String uploaded(int revisions) throws Exception {
        UUID key = UUID.randomUUID();
        for (int i = 0; i < revisions; i++) {
            assertThat(api.uploadBundle(BundleUploadTest.app(key, "Rel")).status()).isEqualTo(201);
        }
        return key.toString();
    }

    private Api.Response tag(Api client, String key, int revision, String body) {
        return client.patch(ASSETS + "/" + key + "/revisions/" + revision, body);
    }

    @Test
    void tagIsUniquePerAssetAndMustBeASemanticVersion() throws Exception {
        String key = uploaded(2);

        assertThat(tag(api, key, 1, "{\"tag\":\"1.0.0\",\"releaseNotes\":\"one\"}").status()).isEqualTo(204);
        assertThat(tag(api, key, 2, "{\"tag\":\"1.0.0\"}").problem(400).get("detail").asString())
                .contains("unique per asset");
        tag(api, key, 2, "{\"tag\":\"v1.1\"}").problem(400);
        tag(api, key, 2, "{\"tag\":\"01.0.0\"}").problem(400);
        tag(api, key, 2, "{\"releaseNotes\":\"no tag\"}").problem(400);
        tag(api, key, 2, "{\"tag\":\"1.0.1\",\"owner\":\"x\"}").problem(400);

        assertThat(api.get(ASSETS + "/" + key + "/revisions/1").json().get("tag").asString()).isEqualTo("1.0.0");
        assertThat(api.get(ASSETS + "/" + key + "/revisions/2").json().has("tag")).isFalse();
        assertThat(uploaded(1)).isNotEqualTo(key);
    }

    @Test
    void sameTagOnAnotherAssetIsFine() throws Exception {
        String one = uploaded(1);
        String two = uploaded(1);

        assertThat(tag(api, one, 1, "{\"tag\":\"2.0.0\"}").status()).isEqualTo(204);
        assertThat(tag(api, two, 1, "{\"tag\":\"2.0.0\"}").status()).isEqualTo(204);
    }

    @Test
    void highestTagRevisionComparesVersionsNumerically() throws Exception {
        String key = uploaded(3);
        api.get(ASSETS + "/" + key + "/highest-tag-revision").problem(404);

        tag(api, key, 1, "{\"tag\":\"1.10.0\"}");
        tag(api, key, 2, "{\"tag\":\"1.9.0\"}");

        assertThat(api.get(ASSETS + "/" + key + "/highest-tag-revision").json().get("revision").asInt()).isEqualTo(1);
        assertThat(api.get(ASSETS + "/" + key + "/revisions?isTagged=true").json().get("results").size())
                .isEqualTo(2);
        assertThat(api.get(ASSETS + "/" + key + "/revisions?tag=1.9.0").json().get("results").get(0)
                .get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void nullTagClearsTagAndReleaseNotesAndCommitMessageChangesAlone() throws Exception {
        String key = uploaded(1);
        tag(api, key, 1, "{\"tag\":\"1.0.0\",\"releaseNotes\":\"notes\"}");

        assertThat(tag(api, key, 1, "{\"commitMessage\":\"reworded\"}").status()).isEqualTo(204);
        assertThat(api.get(ASSETS + "/" + key + "/revisions/1/release-notes").json().get("content").asString())
                .isEqualTo("notes");
        assertThat(tag(api, key, 1, "{\"tag\":null}").status()).isEqualTo(204);

        var revision = api.get(ASSETS + "/" + key + "/revisions/1").json();
        assertThat(revision.has("tag")).isFalse();
        assertThat(revision.get("commitMessage").asString()).isEqualTo("reworded");
        assertThat(api.get(ASSETS + "/" + key + "/revisions/1/release-notes").json().has("content")).isFalse();
    }

    @Test
    void uploadWithATagNotAboveTheHighestThen400UnlessSequentialCheckSkipped() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] zip = BundleUploadTest.app(key, "Seq");
        Multipart first = new Multipart().json("creationRequest", "{\"tag\":\"2.0.0\"}").file("assetFile", zip);
        assertThat(api.send("POST", ASSETS, first.contentType(), first.bytes()).status()).isEqualTo(201);

        Multipart lower = new Multipart().json("creationRequest", "{\"tag\":\"1.5.0\"}").file("assetFile", zip);
        api.send("POST", ASSETS, lower.contentType(), lower.bytes()).problem(400);
        Multipart skipped = new Multipart().json("creationRequest",
                "{\"tag\":\"1.5.0\",\"skipSequentialVersionValidation\":true}").file("assetFile", zip);

        assertThat(api.send("POST", ASSETS, skipped.contentType(), skipped.bytes()).json().get("revision").asInt())
                .isEqualTo(2);
    }

    @Test
    void patchNeedsChangeOrReleaseAndReadsNeedOpen() throws Exception {
        String key = uploaded(1);

        tag(clientWith(everywhere(Permission.ASSET_OPEN)), key, 1, "{\"tag\":\"1.0.0\"}").problem(403);
        assertThat(tag(clientWith(everywhere(Permission.RELEASE)), key, 1, "{\"tag\":\"1.0.0\"}").status())
                .isEqualTo(204);
        assertThat(tag(clientWith(everywhere(Permission.ASSET_CHANGE)), key, 1, "{\"tag\":\"1.0.1\"}").status())
                .isEqualTo(204);
        Api none = clientWith(everywhere(Permission.STAGE_VIEW));
        none.get(ASSETS + "/" + key + "/highest-tag-revision").problem(403);
        none.get(ASSETS + "/" + key + "/revisions/1/release-notes").problem(403);
    }

    @Test
    void deleteIsRefusedWhileDeployedAndAllowedOtherwise() throws Exception {
        String key = uploaded(1);
        deployed.save(new DeployedAsset(DemoData.QA, key, 1, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), Instant.now(), "test", "{}"));

        assertThat(api.delete(ASSETS + "/" + key).problem(409).get("detail").asString()).contains("deployed");
        deployed.remove(DemoData.QA, key);
        clientWith(everywhere(Permission.ASSET_CHANGE)).delete(ASSETS + "/" + key).problem(403);
        assertThat(clientWith(everywhere(Permission.ASSET_DELETE)).delete(ASSETS + "/" + key).status())
                .isEqualTo(204);

        api.get(ASSETS + "/" + key).problem(404);
        api.delete(ASSETS + "/" + key).problem(404);
    }

    @Test
    void deleteIsRefusedWhileABuildIsRunning() {
        TestApp app = newApp();

        assertThat(api.delete(ASSETS + "/" + app.key()).problem(409).get("detail").asString())
                .contains("in progress");
    }
}
