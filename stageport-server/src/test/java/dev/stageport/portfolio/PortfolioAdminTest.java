package dev.stageport.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PortfolioAdminTest extends ServerTest {

    private static final String V2 = "/api/portfolios/v2";

    @Autowired
    StageRepository stages;
    @Autowired
    PortfolioRepository portfolios;

    @AfterEach
    void restoreDemoStages() {
        stages.rename(DemoData.DEVELOPMENT, "Development", 0);
        stages.rename(DemoData.QA, "QA", 1);
        stages.rename(DemoData.PRODUCTION, "Production", 2);
        portfolios.rename(Portfolio.MAIN_KEY, "Main");
    }

    @Test
    void aStageIsRenamedAndTheStagesReorderedAndTheListFollowsTheNewOrder() {
        Api.Response renamed = api.patch(V2 + "/environments/" + DemoData.QA, "{\"name\": \"Staging\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.body()).isEmpty();

        Api.Response reordered = api.patch(V2 + "/environments", """
                {"environments": [{"key": "%s", "order": 0}, {"key": "%s", "order": 1, "name": "Dev"}]}"""
                .formatted(DemoData.QA, DemoData.DEVELOPMENT));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);

        assertThat(names(api.get("/api/portfolios/v1/environments").json())).containsExactly("Staging", "Dev",
                "Production");
        JsonNode v2 = api.get(V2 + "/environments").json().get("results");
        assertThat(v2.get(0).get("order").asInt()).isZero();
        assertThat(v2.get(0).get("portfolioKey").asString()).isEqualTo(Portfolio.MAIN_KEY);
    }

    @Test
    void twoStagesCannotShareAnOrderOrAName() {
        JsonNode clash = api.patch(V2 + "/environments/" + DemoData.QA, "{\"order\": 2}").problem(422);
        assertThat(clash.get("detail").asString()).contains(DemoData.QA).contains(DemoData.PRODUCTION);
        api.patch(V2 + "/environments/" + DemoData.QA, "{\"name\": \"production\"}").problem(422);
        assertThat(names(api.get("/api/portfolios/v1/environments").json())).containsExactly("Development", "QA",
                "Production");
    }

    @Test
    void malformedChangesAre400NamingTheFieldAndUnknownStages404() {
        String qa = V2 + "/environments/" + DemoData.QA;
        assertThat(detail(api.patch(qa, "{\"name\": \"\"}"))).contains("name");
        assertThat(detail(api.patch(qa, "{\"name\": \"" + "x".repeat(51) + "\"}"))).contains("name");
        assertThat(detail(api.patch(qa, "{\"order\": -1}"))).contains("order");
        assertThat(detail(api.patch(qa, "{\"order\": \"first\"}"))).contains("order");
        assertThat(detail(api.patch(qa, "{\"colour\": \"red\"}"))).contains("colour");
        assertThat(detail(api.patch(V2 + "/environments", "{\"environments\": [{\"order\": 1}]}")))
                .contains("environments[0].key");
        assertThat(detail(api.patch(V2 + "/environments", "{}"))).contains("environments");
        assertThat(detail(api.patch(V2 + "/environments/nope", "{\"name\": \"x\"}"))).contains("environmentKey");
        api.patch(V2 + "/environments/" + UUID.randomUUID(), "{\"name\": \"x\"}").problem(404);
        api.patch(V2 + "/environments", "{\"environments\": [{\"key\": \"%s\", \"order\": 7}]}"
                .formatted(UUID.randomUUID())).problem(404);
    }

    @Test
    void renamingNeedsManageStagesOnTheStageAndReorderingManagePortfolioEverywhere() {
        Api stageManager = clientWith(Map.of(Permission.MANAGE_STAGES, Set.of(DemoData.QA)));
        assertThat(stageManager.patch(V2 + "/environments/" + DemoData.QA, "{\"name\": \"Acceptance\"}").status())
                .isEqualTo(200);
        stageManager.patch(V2 + "/environments/" + DemoData.PRODUCTION, "{\"name\": \"Live\"}").problem(403);
        stageManager.patch(V2 + "/environments/" + DemoData.QA, "{\"order\": 5}").problem(403);

        Api portfolioManager = clientWith(everywhere(Permission.MANAGE_PORTFOLIO));
        assertThat(portfolioManager.patch(V2 + "/environments", "{\"environments\": [{\"key\": \"%s\", \"order\": 5}]}"
                .formatted(DemoData.QA)).status()).isEqualTo(200);
        portfolioManager.patch(V2 + "/environments/" + DemoData.QA, "{\"name\": \"Other\"}").problem(403);
        clientWith(Map.of(Permission.MANAGE_PORTFOLIO, Set.of(DemoData.QA)))
                .patch(V2 + "/environments/" + DemoData.QA, "{\"order\": 6}").problem(403);
        assertThat(names(api.get("/api/portfolios/v1/environments").json())).containsExactly("Development",
                "Production", "Acceptance");
    }

    @Test
    void theMainPortfolioHoldsTheStagesAndCanBeRenamed() {
        JsonNode listed = api.get(V2 + "/portfolios").json();
        assertThat(listed.get("page").get("totalResults").asInt()).isEqualTo(1);
        JsonNode main = listed.get("results").get(0);
        assertThat(main.get("key").asString()).isEqualTo(Portfolio.MAIN_KEY);
        assertThat(main.get("isMainPortfolio").asBoolean()).isTrue();
        assertThat(main.get("nonProductionEnvironmentCount").asInt()).isEqualTo(2);

        assertThat(api.patch(V2 + "/portfolios/" + Portfolio.MAIN_KEY, "{\"name\": \"Retail\"}").status())
                .isEqualTo(200);
        assertThat(api.get(V2 + "/portfolios?portfolioKey=" + Portfolio.MAIN_KEY).json().get("results").get(0)
                .get("name").asString()).isEqualTo("Retail");
        assertThat(api.get(V2 + "/portfolios?portfolioKey=" + UUID.randomUUID()).json().get("results")).isEmpty();
        assertThat(api.get(V2 + "/environments?portfolioKey=" + Portfolio.MAIN_KEY).json().get("results"))
                .hasSize(3);
        assertThat(api.get(V2 + "/environments?portfolioKey=" + UUID.randomUUID()).json().get("results")).isEmpty();
        assertThat(api.get("/api/asset-repository/v1/assets/" + DemoData.APP).json().get("portfolioKey").asString())
                .isEqualTo(Portfolio.MAIN_KEY);
    }

    @Test
    void renamingAPortfolioRefusesBadInputUnknownKeysAndMissingPermission() {
        String main = V2 + "/portfolios/" + Portfolio.MAIN_KEY;
        assertThat(detail(api.patch(main, "{\"name\": \"" + "x".repeat(51) + "\"}"))).contains("name");
        assertThat(detail(api.patch(main, "{\"title\": \"x\"}"))).contains("title");
        assertThat(detail(api.patch(V2 + "/portfolios/nope", "{\"name\": \"x\"}"))).contains("portfolioKey");
        api.patch(V2 + "/portfolios/" + UUID.randomUUID(), "{\"name\": \"x\"}").problem(404);
        clientWith(Map.of(Permission.MANAGE_PORTFOLIO, Set.of(DemoData.QA))).patch(main, "{\"name\": \"x\"}")
                .problem(403);
        clientWith(Map.of()).get(V2 + "/portfolios").problem(403);
        assertThat(detail(api.get(V2 + "/portfolios?portfolioKey=nope"))).contains("portfolioKey");
        assertThat(detail(api.get(V2 + "/portfolios?limit=101"))).contains("limit");
    }

    @Test
    void librariesListWithTheirRevisionsFilteredSortedAndPaged() throws Exception {
        UUID alpha = UUID.randomUUID();
        UUID beta = UUID.randomUUID();
        upload(TestBundles.zip().entry("manifest.json", TestBundles.libraryManifest(beta, "Beta lib", "B")));
        upload(TestBundles.zip().entry("manifest.json", TestBundles.libraryManifest(alpha, "Alpha lib", "A")));
        upload(TestBundles.zip().entry("manifest.json", TestBundles.libraryManifest(alpha, "Alpha lib", "A2"))
                .entry("icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        String both = V2 + "/libraries?key=" + alpha + "," + beta;

        JsonNode latest = api.get(both).json();
        assertThat(latest.get("page").get("totalResults").asInt()).isEqualTo(2);
        JsonNode first = latest.get("results").get(0);
        assertThat(first.get("key").asString()).isEqualTo(alpha.toString());
        assertThat(first.get("type").asString()).isEqualTo("LowCodeLibrary");
        assertThat(first.get("portfolioKey").asString()).isEqualTo(Portfolio.MAIN_KEY);
        assertThat(first.get("revisions")).hasSize(1);
        assertThat(first.get("revisions").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(first.get("revisions").get(0).get("isLatest").asBoolean()).isTrue();
        assertThat(first.get("revisions").get(0).get("iconUrl").asString())
                .isEqualTo("/api/stageport/v1/assets/" + alpha + "/revisions/2/icon");

        JsonNode all = api.get(both + "&revisions=All&sort=Name:desc&limit=1").json();
        assertThat(all.get("results").get(0).get("key").asString()).isEqualTo(beta.toString());
        assertThat(all.get("page").get("nextPageOffset").asInt()).isEqualTo(1);
        JsonNode second = api.get(both + "&revisions=All&sort=Name:desc&limit=1&offset=1").json().get("results");
        assertThat(second.get(0).get("revisions")).hasSize(2);
        assertThat(api.get(both + "&revisions=HighestTag").json().get("results").get(0).get("revisions")).isEmpty();
        assertThat(api.get(both + "&nameContains=BETA").json().get("results")).hasSize(1);
        assertThat(api.get(both + "&type=WidgetLibrary").json().get("results")).isEmpty();
    }

    @Test
    void libraryQueriesWithBadValuesAre400NamingTheParameter() {
        assertThat(detail(api.get(V2 + "/libraries?type=Bogus"))).contains("type");
        assertThat(detail(api.get(V2 + "/libraries?sort=Size:asc"))).contains("sort");
        assertThat(detail(api.get(V2 + "/libraries?sort=Name:sideways"))).contains("sort");
        assertThat(detail(api.get(V2 + "/libraries?revisions=Some"))).contains("revisions");
        assertThat(detail(api.get(V2 + "/libraries?key=nope"))).contains("key");
        assertThat(detail(api.get(V2 + "/libraries?portfolioKey=nope"))).contains("portfolioKey");
        assertThat(detail(api.get(V2 + "/libraries?limit=0"))).contains("limit");
        clientWith(Map.of()).get(V2 + "/libraries").problem(403);
    }

    private static String detail(Api.Response r) {
        return r.problem(400).get("detail").asString();
    }

    private static List<String> names(JsonNode environments) {
        List<String> names = new ArrayList<>();
        environments.get("results").forEach(e -> names.add(e.get("name").asString()));
        return names;
    }
}
