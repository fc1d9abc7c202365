package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeploymentListTest extends DeploymentTestSupport {

    private List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("results").forEach(r -> out.add(r.get("key").asString()));
        return out;
    }

    /** Deploy, ApplyConfigs, Undeploy of a fresh app in QA, oldest first. */
    private List<String> history(TestApp app) {
        String deploy = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        awaitEnd(deploy);
        sleep(5);
        String apply = start(opBody("ApplyConfigs", DemoData.QA, app.key()));
        awaitEnd(apply);
        sleep(5);
        String undeploy = start(opBody("Undeploy", DemoData.QA, app.key()));
        awaitEnd(undeploy);
        return List.of(deploy, apply, undeploy);
    }

    @Test
    void listFiltersByAssetOperationStatusRevisionAndStageNewestFirst() {
        TestApp app = newApp();
        List<String> ops = history(app);
        String byAsset = OPS + "?assetKey=" + app.key();

        assertThat(keys(api.get(byAsset).json())).containsExactly(ops.get(2), ops.get(1), ops.get(0));
        assertThat(keys(api.get(byAsset + "&sort=CreatedAt").json())).containsExactly(ops.get(0), ops.get(1),
                ops.get(2));
        assertThat(keys(api.get(byAsset + "&operations=Deploy").json())).containsExactly(ops.get(0));
        assertThat(keys(api.get(byAsset + "&operations=Deploy,Undeploy").json())).containsExactly(ops.get(2),
                ops.get(0));
        assertThat(keys(api.get(byAsset + "&operations=Deploy&operations=ApplyConfigs").json()))
                .containsExactly(ops.get(1), ops.get(0));
        assertThat(keys(api.get(byAsset + "&status=Finished&revision=1&environmentKey=" + DemoData.QA).json()))
                .hasSize(3);
        assertThat(keys(api.get(byAsset + "&status=Running").json())).isEmpty();
        assertThat(keys(api.get(byAsset + "&environmentKey=" + DemoData.PRODUCTION).json())).isEmpty();
        assertThat(keys(api.get(byAsset + "&createdDateSince=2999-01-01T00:00:00Z").json())).isEmpty();
        assertThat(keys(api.get(byAsset + "&createdDateTo=2999-01-01T00:00:00Z&sort=-FinishedAt,AssetName")
                .json())).hasSize(3);
    }

    @Test
    void listPagesWithNextPageOffsetUntilTheLastPage() {
        TestApp app = newApp();
        List<String> ops = history(app);
        JsonNode first = api.get(OPS + "?assetKey=" + app.key() + "&limit=2").json();
        assertThat(first.get("page").get("count").asInt()).isEqualTo(2);
        assertThat(first.get("page").get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("page").get("nextPageOffset").asInt()).isEqualTo(2);
        JsonNode last = api.get(OPS + "?assetKey=" + app.key() + "&limit=2&offset=2").json();
        assertThat(keys(last)).containsExactly(ops.get(0));
        assertThat(last.get("page").has("nextPageOffset")).isFalse();
    }

    @Test
    void listRefusesBadParametersWith400() {
        api.get(OPS + "?sort=Colour").problem(400);
        api.get(OPS + "?status=Done").problem(400);
        api.get(OPS + "?operations=Redeploy").problem(400);
        api.get(OPS + "?limit=101").problem(400);
        api.get(OPS + "?limit=0").problem(400);
        api.get(OPS + "?assetKey=xyz").problem(400);
        api.get(OPS + "?createdDateSince=yesterday").problem(400);
        api.get(OPS + "?permissionFilter=Nonsense").problem(400);
    }

    @Test
    void listShowsOnlyStagesWithStageViewAndHonoursPermissionFilter() {
        TestApp app = newApp();
        history(app);
        String byAsset = OPS + "?assetKey=" + app.key();

        Api devViewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.DEVELOPMENT)));
        assertThat(keys(devViewer.get(byAsset).json())).isEmpty();

        Api qaViewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA),
                Permission.DEPLOY_APPS, Set.of(DemoData.DEVELOPMENT)));
        assertThat(keys(qaViewer.get(byAsset).json())).hasSize(3);
        assertThat(keys(qaViewer.get(byAsset + "&permissionFilter=AppDeploy").json())).isEmpty();
        assertThat(keys(qaViewer.get(byAsset + "&permissionFilter=AppDebug").json())).isEmpty();

        Api qaDeployer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA),
                Permission.DEPLOY_APPS, Set.of(DemoData.QA)));
        assertThat(keys(qaDeployer.get(byAsset + "&permissionFilter=AppDeploy").json())).hasSize(3);
        assertThat(keys(qaDeployer.get(byAsset + "&permissionFilter=AppDeploy." + DemoData.QA).json())).hasSize(3);
        assertThat(keys(qaDeployer.get(byAsset + "&permissionFilter=AppDeploy." + DemoData.PRODUCTION).json()))
                .isEmpty();
    }
}
