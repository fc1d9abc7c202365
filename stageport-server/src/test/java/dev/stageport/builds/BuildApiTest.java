package dev.stageport.builds;

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

class BuildApiTest extends ServerTest {

    @Test
    void releaseBuildOfARevisionIsFoundByTheDocumentedQuery() {
        JsonNode builds = api.get("/api/builds/v1/build-operations?assetKey=" + DemoData.APP
                + "&assetRevision=2&byBuildType=Release").json().get("builds");
        assertThat(builds).hasSize(1);
        JsonNode build = builds.get(0);
        assertThat(build.get("buildKey").asString()).isEqualTo(DemoData.BUILD_REV2_RELEASE);
        assertThat(build.get("buildType").asString()).isEqualTo("Release");
        assertThat(build.get("status").asString()).isEqualTo("Finished");
        assertThat(build.get("assetRevision").asInt()).isEqualTo(2);
    }

    @Test
    void withoutBuildTypeEveryBuildOfTheRevisionIsListed() {
        JsonNode builds = api.get("/api/builds/v1/build-operations?assetKey=" + DemoData.APP + "&assetRevision=2")
                .json().get("builds");
        assertThat(builds).hasSize(2);
    }

    @Test
    void oneBuildAndItsLogAreReadable() {
        JsonNode build = api.get("/api/builds/v1/build-operations/" + DemoData.BUILD_REV1_RELEASE).json();
        assertThat(build.get("assetKey").asString()).isEqualTo(DemoData.APP);
        JsonNode log = api.get("/api/builds/v1/build-operations/" + DemoData.BUILD_REV1_RELEASE + "/log-messages")
                .json().get("results");
        assertThat(log).isNotEmpty();
        assertThat(log.get(0).get("assetKey").asString()).isEqualTo(DemoData.APP);
    }

    @Test
    void unknownBuildOrRevisionThen404AndBadTypeThen400() {
        api.get("/api/builds/v1/build-operations/" + UUID.randomUUID()).problem(404);
        api.get("/api/builds/v1/build-operations?assetKey=" + DemoData.APP + "&assetRevision=99").problem(404);
        api.get("/api/builds/v1/build-operations?assetKey=" + UUID.randomUUID()).problem(404);
        api.get("/api/builds/v1/build-operations?assetKey=" + DemoData.APP + "&byBuildType=Nightly").problem(400);
    }

    @Test
    void readingBuildsWithoutAssetOpenPermissionThen403() {
        Api deployer = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.QA)));
        deployer.get("/api/builds/v1/build-operations/" + DemoData.BUILD_REV1_RELEASE).problem(403);
    }
}
