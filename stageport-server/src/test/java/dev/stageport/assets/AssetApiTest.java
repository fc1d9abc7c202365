package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssetApiTest extends ServerTest {

    @Test
    void demoAssetAnswersWithItsLatestRevision() {
        JsonNode asset = api.get("/api/asset-repository/v1/assets/" + DemoData.APP).json();
        assertThat(asset.get("assetKey").asString()).isEqualTo(DemoData.APP);
        assertThat(asset.get("revision").asInt()).isEqualTo(2);
        assertThat(asset.get("name").asString()).isEqualTo(DemoData.APP_NAME);
        assertThat(asset.get("assetType").asString()).isEqualTo("WebApplication");
    }

    @Test
    void revisionsListEveryRevisionWithPaging() {
        TestApp app = newApp();
        JsonNode body = api.get("/api/asset-repository/v1/assets/" + app.key() + "/revisions").json();
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("page").get("totalResults").asInt()).isEqualTo(2);
        JsonNode newestFirst = api.get("/api/asset-repository/v1/assets/" + app.key()
                + "/revisions?sort=-revision&limit=1").json();
        assertThat(newestFirst.get("results").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(newestFirst.get("page").get("nextPageOffset").asInt()).isEqualTo(1);
        JsonNode commit = api.get("/api/asset-repository/v1/assets/" + app.key() + "/revisions?commitMessage=two")
                .json();
        assertThat(commit.get("results")).hasSize(1);
        assertThat(api.get("/api/asset-repository/v1/assets/" + app.key() + "/revisions?isTagged=true").json()
                .get("results")).isEmpty();
    }

    @Test
    void listFindsAssetsByNameAndKey() {
        TestApp app = newApp();
        JsonNode body = api.get("/api/asset-repository/v1/assets?assetKeys=" + app.key()).json();
        assertThat(body.get("results")).hasSize(1);
        assertThat(body.get("results").get(0).get("revision").asInt()).isEqualTo(2);
        JsonNode byName = api.get("/api/asset-repository/v1/assets?nameContains=" + app.key().substring(0, 8)
                + "&embed=metadata").json();
        assertThat(byName.get("results")).hasSize(1);
        assertThat(byName.get("results").get(0).get("_embedded").get("metadata").get("isDeployable").asBoolean())
                .isTrue();
    }

    @Test
    void unknownAssetThen404AndMalformedKeyThen400() {
        api.get("/api/asset-repository/v1/assets/" + UUID.randomUUID()).problem(404);
        api.get("/api/asset-repository/v1/assets/" + UUID.randomUUID() + "/revisions").problem(404);
        api.get("/api/asset-repository/v1/assets/not-a-key").problem(400);
        api.get("/api/asset-repository/v1/assets?sort=color").problem(400);
        api.get("/api/asset-repository/v1/assets?limit=1001").problem(400);
    }

    @Test
    void readingAssetsWithoutAssetOpenPermissionThen403() {
        Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        viewer.get("/api/asset-repository/v1/assets/" + DemoData.APP + "/revisions").problem(403);
    }
}
