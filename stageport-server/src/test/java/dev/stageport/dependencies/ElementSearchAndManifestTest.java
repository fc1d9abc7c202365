package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public element search with its paging and filter checks, and the manifest's element problems. */
class ElementSearchAndManifestTest extends DependencyTestSupport {

    @Test
    void theSearchPagesThroughEveryMatchingElement() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder elements = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            elements.append(i > 1 ? ", " : "").append("{\"key\": \"S").append(i).append("\", \"name\": \"Find")
                    .append(token).append(i).append("\", \"type\": \"Structure\", \"isHidden\": ")
                    .append(i == 5).append('}');
        }
        UUID library = uploadManifest(library(UUID.randomUUID(), unique("Search lib"), "[]", "[" + elements + "]",
                "[]"));
        String filter = "{\"elementNameContains\": \"find" + token + "\", \"limit\": 2, \"offset\": %d}";
        JsonNode first = ok(api.post(DM + "/public-elements/search", filter.formatted(0)));
        assertThat(first.get("page").get("totalResults").asInt()).isEqualTo(5);
        assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("page").get("nextPageOffset").asInt()).isEqualTo(2);
        assertThat(first.get("results")).extracting(n -> n.get("key").asString()).containsExactly("S1", "S2");
        JsonNode second = ok(api.post(DM + "/public-elements/search", filter.formatted(2)));
        assertThat(second.get("results")).extracting(n -> n.get("key").asString()).containsExactly("S3", "S4");
        JsonNode last = ok(api.post(DM + "/public-elements/search", filter.formatted(4)));
        assertThat(last.get("page").get("count").asInt()).isEqualTo(1);
        assertThat(last.get("page").has("nextPageOffset")).isFalse();
        assertThat(last.get("results").get(0).get("assetKey").asString()).isEqualTo(library.toString());

        JsonNode visible = ok(api.post(DM + "/public-elements/search", "{\"elementNameContains\": \"find" + token
                + "\", \"includeHidden\": false, \"sort\": \"name\", \"sortAscending\": false,"
                + " \"assetFilters\": [{\"key\": \"" + library + "\"}]}"));
        assertThat(visible.get("results")).extracting(n -> n.get("key").asString())
                .containsExactly("S4", "S3", "S2", "S1");
    }

    @Test
    void aMalformedSearchFilterIsAProblemNamingTheField() {
        String search = DM + "/public-elements/search";
        assertThat(api.post(search, "{\"elementType\": \"Widget\"}").problem(400).get("detail").asString())
                .contains("elementType");
        assertThat(api.post(search, "{\"limit\": 0}").problem(400).get("detail").asString()).contains("limit");
        assertThat(api.post(search, "{\"sort\": \"size\"}").problem(400).get("detail").asString()).contains("sort");
        assertThat(api.post(search, "{\"assetFilters\": [{\"key\": \"nope\"}]}").problem(400).get("detail")
                .asString()).contains("assetFilters[0].key");
        api.post(search, "{\"limit\": \"many\"}").problem(400);
    }

    @Test
    void aManifestWithMalformedSignaturesIsRefusedWithEveryProblem() throws Exception {
        String elements = """
                [{"key": "Bad1", "type": "Widget"},
                 {"key": "Bad2", "type": "ServiceAction",
                  "signature": {"inputs": [{"name": "A"}, {"name": "a", "dataType": "Text"}],
                                "outputs": [{"name": "Out", "dataType": "Texty", "isMandatory": true}],
                                "attributes": []}},
                 {"key": "Bad3", "type": "Entity", "signature": {"attributes": [{"dataType": "List<Nothing>"}]}}]""";
        Api.Response r = tryUpload(library(UUID.randomUUID(), unique("Broken lib"), "[]", elements,
                "[{\"assetKey\": \"" + UUID.randomUUID() + "\", \"elements\": [\"X\"]}]"));
        JsonNode problem = r.problem(400);
        assertThat(problem.get("errors")).extracting(JsonNode::asString).anySatisfy(e -> assertThat(e)
                        .contains("publicElements[0].type"))
                .anySatisfy(e -> assertThat(e).contains("publicElements[1].signature.inputs[0].dataType is required"))
                .anySatisfy(e -> assertThat(e).contains("more than once"))
                .anySatisfy(e -> assertThat(e).contains("'Texty'"))
                .anySatisfy(e -> assertThat(e).contains("outputs[0].isMandatory"))
                .anySatisfy(e -> assertThat(e).contains("signature.attributes is not part of a ServiceAction"))
                .anySatisfy(e -> assertThat(e).contains("publicElements[2].signature.attributes[0].name is required"))
                .anySatisfy(e -> assertThat(e).contains("'List<Nothing>'"))
                .anySatisfy(e -> assertThat(e).contains("references[0]").contains("does not exist"));
    }

    @Test
    void aReferenceToAnElementTheProducerDoesNotOfferIsRefused() throws Exception {
        UUID library = uploadManifest(library(UUID.randomUUID(), unique("Small lib"), "[]",
                "[" + GREETING_ACTION + "]", "[]"));
        Api.Response r = tryUpload(app(UUID.randomUUID(), unique("Greedy app"), "[" + lib(library, 1) + "]", "[]",
                "[" + uses(library, "GetGreeting", "Missing") + "]"));
        assertThat(r.problem(400).get("errors")).extracting(JsonNode::asString)
                .containsExactly("references[0].elements names 'Missing', which revision 1 of "
                        + api.get("/api/asset-repository/v1/assets/" + library).json().get("name").asString()
                        + " (" + library + ") does not offer.");
        Api.Response unlisted = tryUpload(app(UUID.randomUUID(), unique("Unlisted app"), "[]", "[]",
                "[" + uses(library, "GetGreeting") + "]"));
        assertThat(unlisted.problem(400).get("detail").asString()).contains("configuration.libraries");
    }
}
