package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An uploaded app that references an uploaded library shows the library's settings, settable per stage. */
class LibraryUploadTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets";

    private static String view(String env, String app) {
        return "/api/asset-configurations/v1/environments/" + env + "/applications/" + app
                + "/revisions/1/configurations";
    }

    private static JsonNode byKey(JsonNode list, String key) {
        for (JsonNode n : list) {
            if (n.get("key").asString().equals(key)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }

    @Test
    void libraryReferencedByTagBringsItsSettingsIntoTheAppsConfigurationPerStage() throws Exception {
        UUID library = UUID.randomUUID();
        byte[] lib = TestBundles.zip().entry("manifest.json",
                TestBundles.libraryManifest(library, "Shared lib", "LibGreeting")).bytes();
        assertThat(api.uploadBundle(lib).status()).isEqualTo(201);
        assertThat(api.uploadBundle(lib).status()).isEqualTo(201);
        assertThat(api.patch(ASSETS + "/" + library + "/revisions/2", "{\"tag\":\"1.0.0\"}").status()).isEqualTo(204);
        UUID app = UUID.randomUUID();
        Api.Response uploaded = api.uploadBundle(TestBundles.withManifest(TestBundles.appManifest(app, "Uses lib",
                "[{\"assetKey\": \"" + library + "\", \"tag\": \"1.0.0\"}]")).bytes());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        JsonNode qa = api.get(view(DemoData.QA, app.toString())).json();
        JsonNode libraryConfig = byKey(qa.get("libraries"), library.toString());
        assertThat(libraryConfig.get("revision").asInt()).as("the tag resolved to its revision").isEqualTo(2);
        assertThat(byKey(libraryConfig.get("settings"), "LibGreeting").get("value").asString())
                .isEqualTo("lib default");
        assertThat(byKey(qa.get("settings"), "GreetingText").get("value").asString()).isEqualTo("Hello");

        Api.Response patch = api.patch("/api/asset-configurations/v1/environments/" + DemoData.QA
                        + "/applications/" + app + "/configurations",
                "{\"revisionBaseline\": 1, \"libraries\": [{\"key\": \"" + library + "\", \"revision\": 2,"
                        + " \"settings\": [{\"key\": \"LibGreeting\", \"value\": \"qa value\"}]}]}");
        assertThat(patch.status()).as(patch.body()).isEqualTo(204);

        JsonNode qaAfter = byKey(api.get(view(DemoData.QA, app.toString())).json().get("libraries"),
                library.toString());
        JsonNode production = byKey(api.get(view(DemoData.PRODUCTION, app.toString())).json().get("libraries"),
                library.toString());
        assertThat(byKey(qaAfter.get("settings"), "LibGreeting").get("value").asString()).isEqualTo("qa value");
        assertThat(byKey(production.get("settings"), "LibGreeting").get("value").asString())
                .isEqualTo("lib default");
    }
}
