package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Producers, consumers, the producer graph and elements of an app that uses two libraries, one using the other. */
class DependencyGraphTest extends DependencyTestSupport {

    private UUID base;
    private UUID ui;
    private UUID app;

    @BeforeEach
    void threeAssets() throws Exception {
        base = uploadManifest(library(UUID.randomUUID(), unique("A base lib"), "[]",
                "[" + GREETING_ACTION + ", " + CUSTOMER_ENTITY + "]", "[]"));
        ui = uploadManifest(library(UUID.randomUUID(), unique("B ui lib"), "[" + lib(base, 1) + "]",
                "[{\"key\": \"GreetingScreen\", \"type\": \"Screen\", \"signature\": {\"inputs\":"
                        + " [{\"name\": \"Who\", \"dataType\": \"Text\"}]}}]",
                "[" + uses(base, "GetGreeting") + "]"));
        app = uploadManifest(app(UUID.randomUUID(), unique("C app"), "[" + lib(base, 1) + ", " + lib(ui, 1) + "]",
                "[]", "[" + uses(base, "Customer") + ", " + uses(ui, "GreetingScreen") + "]"));
    }

    private String revision(UUID asset, int revision) {
        return DM + "/assets/" + asset + "/revisions/" + revision;
    }

    @Test
    void theProducerGraphShowsBothLibrariesAndTheOneTheUiLibraryUses() {
        JsonNode graph = ok(api.get(revision(app, 1) + "/producer-graph?sort=name")).get("results");
        assertThat(graph).hasSize(2);
        assertThat(graph.get(0).get("key").asString()).isEqualTo(base.toString());
        assertThat(graph.get(0).get("type").asString()).isEqualTo("LowCodeLibrary");
        assertThat(graph.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(graph.get(0).get("producers")).isEmpty();
        assertThat(graph.get(1).get("key").asString()).isEqualTo(ui.toString());
        assertThat(graph.get(1).get("producers").get(0).get("key").asString()).isEqualTo(base.toString());
        assertThat(graph.get(0).get("signatureDigest").asString()).matches("[0-9a-f-]{36}");

        JsonNode shallow = ok(api.get(revision(app, 1) + "/producer-graph?maxDepth=1&sort=-name")).get("results");
        assertThat(shallow.get(0).get("key").asString()).isEqualTo(ui.toString());
        assertThat(shallow.get(0).get("producers")).isEmpty();
        assertThat(ok(api.get(revision(app, 1) + "/producer-graph?producerTypeFilter=Deployable")).get("results"))
                .isEmpty();
        assertThat(ok(api.get(revision(app, 1) + "/producer-graph?producerTypeFilter=Libraries")).get("results"))
                .hasSize(2);
    }

    @Test
    void theFlatProducerListMarksDirectProducersAndNamesTheirOwnProducers() {
        JsonNode producers = ok(api.get(revision(ui, 1) + "/producers")).get("results");
        assertThat(producers).hasSize(1);
        JsonNode all = ok(api.get(revision(app, 1) + "/producers?sort=name")).get("results");
        assertThat(all).hasSize(2);
        assertThat(byKey(all, base).get("isDirectProducer").asBoolean()).isTrue();
        assertThat(byKey(all, ui).get("producers").get(0).asString()).isEqualTo(base.toString());
    }

    @Test
    void consumersAreListedPerAssetPerRevisionAndPerElement() {
        JsonNode consumers = ok(api.get(DM + "/assets/" + base + "/consumers?sort=name")).get("results");
        assertThat(consumers).extracting(n -> n.get("key").asString()).containsExactly(ui.toString(), app.toString());
        JsonNode ofRevision = ok(api.get(revision(base, 1) + "/consumers")).get("results");
        assertThat(ofRevision).hasSize(2);
        JsonNode ofElement = ok(api.get(DM + "/assets/" + base + "/consumers?publicElementKey=GetGreeting"))
                .get("results");
        assertThat(ofElement).extracting(n -> n.get("key").asString()).containsExactly(ui.toString());
        assertThat(ok(api.get(DM + "/assets/" + base + "/consumers?environmentKey=" + DemoData.QA)).get("results"))
                .as("nothing that uses it is deployed in QA").isEmpty();
        deployedIn(DemoData.QA, app, 1);
        assertThat(ok(api.get(DM + "/assets/" + base + "/consumers?environmentKey=" + DemoData.QA)).get("results"))
                .extracting(n -> n.get("key").asString()).containsExactly(app.toString());
    }

    @Test
    void onlyTheHighestConsumingRevisionIsListedUnlessMultipleVersionsAreAllowed() throws Exception {
        String name = api.get("/api/asset-repository/v1/assets/" + app).json().get("name").asString();
        uploadManifest(app(app, name, "[" + lib(base, 1) + "]", "[]", "[" + uses(base, "Customer") + "]"));
        JsonNode highest = ok(api.get(DM + "/assets/" + base + "/consumers?sort=name")).get("results");
        assertThat(byKey(highest, app).get("revision").asInt()).isEqualTo(2);
        assertThat(highest).hasSize(2);
        JsonNode all = ok(api.get(DM + "/assets/" + base + "/consumers?allowMultipleVersions=true")).get("results");
        assertThat(all).filteredOn(n -> n.get("key").asString().equals(app.toString()))
                .extracting(n -> n.get("revision").asInt()).containsExactlyInAnyOrder(1, 2);
        assertThat(ok(api.get(revision(ui, 1) + "/consumers")).get("results"))
                .as("revision 2 of the app no longer uses the ui library").extracting(n -> n.get("revision").asInt())
                .containsExactly(1);
    }

    @Test
    void publicAndReferencedElementsCarryTheirDigests() {
        JsonNode elements = ok(api.get(revision(base, 1) + "/public-elements?sort=name")).get("results");
        assertThat(elements).extracting(n -> n.get("key").asString()).containsExactly("Customer", "GetGreeting");
        JsonNode customer = elements.get(0);
        assertThat(customer.get("type").asString()).isEqualTo("Entity");
        assertThat(customer.get("assetType").asString()).isEqualTo("LowCodeLibrary");
        assertThat(customer.get("isHidden").asBoolean()).isFalse();
        assertThat(customer.get("description").asString()).isEqualTo("A customer");

        JsonNode referenced = ok(api.get(revision(app, 1) + "/referenced-elements?sort=name")).get("results");
        assertThat(referenced).extracting(n -> n.get("key").asString()).containsExactly("Customer", "GreetingScreen");
        assertThat(referenced.get(0).get("producerAssetKey").asString()).isEqualTo(base.toString());
        assertThat(referenced.get(0).get("signatureDigest").asString())
                .isEqualTo(customer.get("signatureDigest").asString());
        assertThat(referenced.get(0).get("producerAssetType").asString()).isEqualTo("LowCodeLibrary");
    }

    @Test
    void aCycleIsReportedOnceAndNeverFollowed() throws Exception {
        UUID a = UUID.randomUUID();
        String aName = unique("Cycle A");
        uploadManifest(library(a, aName, "[]", "[{\"key\": \"X\", \"type\": \"Structure\"}]", "[]"));
        UUID b = uploadManifest(library(UUID.randomUUID(), unique("Cycle B"), "[" + lib(a, 1) + "]",
                "[{\"key\": \"Y\", \"type\": \"Structure\"}]", "[" + uses(a, "X") + "]"));
        uploadManifest(library(a, aName, "[" + lib(b, 1) + "]", "[{\"key\": \"X\", \"type\": \"Structure\"}]",
                "[" + uses(b, "Y") + "]"));

        Api.Response r = api.get(revision(a, 2) + "/producer-graph");
        JsonNode graph = ok(r).get("results");
        assertThat(graph).hasSize(1);
        JsonNode back = graph.get(0).get("producers").get(0);
        assertThat(back.get("key").asString()).isEqualTo(a.toString());
        assertThat(back.get("producers")).isEmpty();
        assertThat(api.get(revision(a, 2) + "/producers").json().get("results"))
                .extracting(n -> n.get("key").asString()).containsExactly(b.toString());
        assertThat(cycleHeader(a, b)).isTrue();
    }

    private boolean cycleHeader(UUID a, UUID b) {
        java.net.http.HttpResponse<String> response = raw(revision(a, 2) + "/producer-graph");
        List<String> cycles = response.headers().allValues("Stageport-Dependency-Cycle");
        return cycles.equals(List.of(a + " > " + b + " > " + a));
    }

    private java.net.http.HttpResponse<String> raw(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl() + path)).header("Authorization", "Bearer " + api.token()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badGraphParametersAreProblemsNamingTheParameter() {
        assertThat(api.get(revision(app, 1) + "/producer-graph?maxDepth=-1").problem(400).get("detail").asString())
                .contains("maxDepth");
        assertThat(api.get(revision(app, 1) + "/producers?producerTypeFilter=Apps").problem(400).get("detail")
                .asString()).contains("producerTypeFilter");
        assertThat(api.get(revision(app, 1) + "/public-elements?sort=size").problem(400).get("detail").asString())
                .contains("sort");
        assertThat(api.get(revision(UUID.randomUUID(), 1) + "/producer-graph").problem(404).get("detail")
                .asString()).contains("assetKey");
        assertThat(api.get(revision(app, 9) + "/referenced-elements").problem(404).get("detail").asString())
                .contains("revisionNumber");
        assertThat(api.get(DM + "/assets/" + base + "/consumers?environmentKey=" + UUID.randomUUID()).problem(404)
                .get("detail").asString()).contains("environmentKey");
        assertThat(api.get(DM + "/assets/not-a-key/consumers").problem(400).get("detail").asString())
                .contains("assetKey");
    }
}
