package dev.stageport.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PortfolioTest extends ServerTest {

    @Autowired
    DeployedAssetRepository deployed;

    @Test
    void environmentsListTheThreeDemoStagesInOrder() {
        JsonNode results = api.get("/api/portfolios/v1/environments").json().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("key").asString()).isEqualTo(DemoData.DEVELOPMENT);
        assertThat(results.get(0).get("purpose").asString()).isEqualTo("Development");
        assertThat(results.get(1).get("name").asString()).isEqualTo("QA");
        assertThat(results.get(1).get("order").asInt()).isEqualTo(1);
        assertThat(results.get(2).get("purpose").asString()).isEqualTo("Production");
    }

    @Test
    void environmentsShowOnlyStagesTheClientMayView() {
        Api qaOnly = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        JsonNode results = qaOnly.get("/api/portfolios/v2/environments").json().get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("key").asString()).isEqualTo(DemoData.QA);
    }

    @Test
    void deployedAssetsFilterByStageAndAssetAndPage() {
        TestApp one = newApp();
        TestApp two = newApp();
        record(DemoData.QA, one.key(), 1, one.release1());
        record(DemoData.PRODUCTION, one.key(), 1, one.release1());
        record(DemoData.QA, two.key(), 2, two.release2());

        JsonNode body = api.get("/api/portfolios/v1/deployed-assets?environmentKey=" + DemoData.PRODUCTION
                + "&key=" + one.key() + "," + two.key()).json();
        assertThat(body.get("results")).hasSize(1);
        JsonNode asset = body.get("results").get(0);
        assertThat(asset.get("key").asString()).isEqualTo(one.key());
        assertThat(asset.get("type").asString()).isEqualTo("WebApplication");
        assertThat(asset.get("deployments")).hasSize(1);
        JsonNode deployment = asset.get("deployments").get(0);
        assertThat(deployment.get("revision").asInt()).isEqualTo(1);
        assertThat(deployment.get("buildKey").asString()).isEqualTo(one.release1());
        assertThat(deployment.has("tag")).as("required nullable fields are written").isTrue();

        JsonNode paged = api.get("/api/portfolios/v1/deployed-assets?key=" + one.key() + "," + two.key()
                + "&limit=1").json();
        assertThat(paged.get("results")).hasSize(1);
        assertThat(paged.get("page").get("totalResults").asInt()).isEqualTo(2);
        assertThat(paged.get("page").get("nextPageOffset").asInt()).isEqualTo(1);
    }

    @Test
    void deployedAssetsOnASimulatedStageHaveANullUrlBecauseNothingAnswers() {
        TestApp app = newApp();
        record(DemoData.QA, app.key(), 1, app.release1());
        for (String version : new String[] {"v1", "v2"}) {
            JsonNode deployment = api.get("/api/portfolios/" + version + "/deployed-assets?key=" + app.key())
                    .json().get("results").get(0).get("deployments").get(0);
            assertThat(deployment.has("url")).as("%s writes the required url", version).isTrue();
            assertThat(deployment.get("url").isNull()).as("%s url", version).isTrue();
        }
    }

    @Test
    void deployedAssetsHideStagesTheClientMayNotView() {
        TestApp app = newApp();
        record(DemoData.PRODUCTION, app.key(), 1, app.release1());
        Api qaOnly = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        JsonNode body = qaOnly.get("/api/portfolios/v1/deployed-assets?key=" + app.key()).json();
        assertThat(body.get("results")).isEmpty();
    }

    @Test
    void deployedAssetsWithBadLimitOrKeyThen400() {
        api.get("/api/portfolios/v1/deployed-assets?limit=0").problem(400);
        api.get("/api/portfolios/v1/deployed-assets?limit=101").problem(400);
        api.get("/api/portfolios/v1/deployed-assets?environmentKey=nope").problem(400);
        api.get("/api/portfolios/v1/deployed-assets?sort=name").problem(400);
        api.get("/api/portfolios/v1/deployed-assets?permissionFilter=Bogus").problem(400);
    }

    private void record(String stage, String asset, int revision, String build) {
        deployed.save(new DeployedAsset(stage, asset, revision, build, UUID.randomUUID().toString(), Instant.now(),
                "test", "{}"));
    }
}
