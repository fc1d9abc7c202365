package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every kind of bad bundle is refused with 400, lists all its problems and leaves no asset or revision behind. */
class InvalidBundleTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets";

    private List<String> refused(byte[] zip, UUID key) {
        JsonNode problem = api.uploadBundle(zip).problem(400);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.asString()));
        assertThat(api.get(ASSETS + "/" + key).status()).as("nothing stored for " + key).isEqualTo(404);
        return errors;
    }

    @Test
    void fileThatIsNotAZipThen400() {
        JsonNode problem = api.uploadBundle("plain text".getBytes(StandardCharsets.UTF_8)).problem(400);
        assertThat(problem.get("errors").get(0).asString()).contains("not a readable zip");
    }

    @Test
    void bundleWithoutManifestThen400() throws Exception {
        JsonNode problem = api.uploadBundle(TestBundles.zip().entry("app/x", "x").bytes()).problem(400);
        assertThat(problem.get("errors").get(0).asString()).contains("no manifest.json");
    }

    @Test
    void malformedManifestThen400() throws Exception {
        JsonNode problem = api.uploadBundle(TestBundles.withManifest("{\"assetKey\": ").bytes()).problem(400);
        assertThat(problem.get("errors").get(0).asString()).contains("not valid JSON");
    }

    @Test
    void everyManifestProblemAndEveryMissingLibraryAreListedTogether() throws Exception {
        UUID key = UUID.randomUUID();
        UUID library = UUID.randomUUID();
        String manifest = """
                {"formatVersion": 1, "assetKey": "%s", "name": "Bad", "type": "WebApplication",
                 "configuration": {
                   "settings": [{"key": "A", "dataType": "Text"}, {"key": "A", "dataType": "Text"},
                                {"key": "B", "dataType": "Money"},
                                {"key": "C", "dataType": "Boolean", "defaultValue": "maybe"}],
                   "timers": [{"key": "T", "schedule": "x"}, {"key": "T", "schedule": "y"}],
                   "integrations": [{"key": "I", "pluginType": "RestAPI"}, {"key": "I", "pluginType": "RestAPI"}],
                   "libraries": [{"assetKey": "%s", "revision": 1}, {"assetKey": "%s", "tag": "9.9.9"}]
                 }}""".formatted(key, library, UUID.randomUUID());
        byte[] zip = TestBundles.withManifest(manifest).entry("../escape.sh", "x").entry("/abs", "y").bytes();

        List<String> errors = refused(zip, key);

        assertThat(errors).hasSize(10)
                .anySatisfy(e -> assertThat(e).contains("configuration.settings has the key 'A'"))
                .anySatisfy(e -> assertThat(e).contains("'Money' is not one of"))
                .anySatisfy(e -> assertThat(e).contains("does not fit dataType Boolean"))
                .anySatisfy(e -> assertThat(e).contains("configuration.timers has the key 'T'"))
                .anySatisfy(e -> assertThat(e).contains("configuration.integrations has the key 'I'"))
                .anySatisfy(e -> assertThat(e).contains("needs a 'run' section"))
                .anySatisfy(e -> assertThat(e).contains("'../escape.sh' escapes the bundle root"))
                .anySatisfy(e -> assertThat(e).contains("'/abs' is an absolute path"))
                .anySatisfy(e -> assertThat(e).contains("asset " + library + ", which does not exist"))
                .anySatisfy(e -> assertThat(e).contains("which does not exist"));
    }

    @Test
    void badAssetKeyThen400() throws Exception {
        String manifest = TestBundles.appManifest(UUID.randomUUID(), "X", "[]")
                .replaceFirst("\"assetKey\": \"[^\"]+\"", "\"assetKey\": \"not-a-key\"");

        JsonNode problem = api.uploadBundle(TestBundles.withManifest(manifest).bytes()).problem(400);

        assertThat(problem.get("errors").toString()).contains("assetKey must be a UUID");
    }

    @Test
    void libraryRevisionOrTagThatDoesNotExistThen400() throws Exception {
        UUID library = UUID.randomUUID();
        byte[] lib = TestBundles.zip().entry("manifest.json", TestBundles.libraryManifest(library, "Lib", "S")).bytes();
        assertThat(api.uploadBundle(lib).status()).isEqualTo(201);
        UUID key = UUID.randomUUID();
        byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "App", """
                [{"assetKey": "%s", "revision": 2}, {"assetKey": "%s", "tag": "1.0.0"}]"""
                .formatted(library, library))).bytes();

        List<String> errors = refused(zip, key);

        assertThat(errors).containsExactlyInAnyOrder(
                "configuration.libraries[0] references revision 2 of the library " + library
                        + ", which does not exist.",
                "configuration.libraries[1] references library " + library + " a second time.",
                "configuration.libraries[1] references the tag '1.0.0' of the library " + library
                        + ", which does not exist.");
    }

    @Test
    void libraryReferenceToAnAppThen400() throws Exception {
        UUID app = UUID.randomUUID();
        assertThat(api.uploadBundle(BundleUploadTest.app(app, "Not a lib")).status()).isEqualTo(201);
        UUID key = UUID.randomUUID();
        byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "App",
                "[{\"assetKey\": \"" + app + "\", \"revision\": 1}]")).bytes();

        assertThat(refused(zip, key)).singleElement().asString().contains("not a LowCodeLibrary");
    }

    @Test
    void refusedRevisionOfAnExistingAssetLeavesItsRevisionsAlone() throws Exception {
        UUID key = UUID.randomUUID();
        assertThat(api.uploadBundle(BundleUploadTest.app(key, "Keep")).status()).isEqualTo(201);
        String broken = TestBundles.appManifest(key, "Keep", "[]").replace("\"Integer\"", "\"Int\"");

        Api.Response r = api.uploadBundle(TestBundles.withManifest(broken).bytes());

        r.problem(400);
        assertThat(api.get(ASSETS + "/" + key + "/revisions").json().get("results").size()).isEqualTo(1);
    }
}
