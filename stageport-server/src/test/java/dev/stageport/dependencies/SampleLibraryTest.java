package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sample library of examples/ (the format's example in docs/bundles.md) uploads and can be used. */
class SampleLibraryTest extends DependencyTestSupport {

    private static final UUID LIBRARY = UUID.fromString("5a000000-0000-4000-8000-000000000001");

    @Test
    void theSampleLibraryOffersOneElementOfEachKindAndAnAppCanUseThem() throws Exception {
        String manifest = Files.readString(Path.of("..", "examples", "sample-library", "manifest.json"));
        upload(TestBundles.zip().entry("manifest.json", manifest));
        JsonNode elements = ok(api.get(DM + "/assets/" + LIBRARY + "/revisions/1/public-elements?sort=name"))
                .get("results");
        assertThat(elements).extracting(n -> n.get("type").asString())
                .containsExactly("Entity", "Screen", "StaticEntity", "ServiceAction",
                        "Structure");
        assertThat(ok(api.get(DM + "/assets/" + LIBRARY + "/revisions/1/public-elements?includeHidden=false"))
                .get("results")).hasSize(4);

        UUID app = uploadManifest(app(UUID.randomUUID(), unique("Uses sample"), "[" + lib(LIBRARY, 1) + "]", "[]",
                "[" + uses(LIBRARY, "GetCustomer", "CustomerCard") + "]"));
        assertThat(ok(api.get(DM + "/assets/" + app + "/revisions/1/referenced-elements?includeHidden=false"))
                .get("results")).extracting(n -> n.get("key").asString()).containsExactly("GetCustomer");
    }
}
