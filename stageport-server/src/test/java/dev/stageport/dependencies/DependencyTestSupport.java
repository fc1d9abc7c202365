package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bundles with public elements and references, uploaded for real; deployments recorded directly. */
abstract class DependencyTestSupport extends ServerTest {

    static final String DM = "/api/dependency-management/v1";
    static final String GREETING_ACTION = """
            {"key": "GetGreeting", "name": "GetGreeting", "type": "ServiceAction",
             "signature": {"inputs": [{"name": "Name", "dataType": "Text", "isMandatory": true}],
                           "outputs": [{"name": "Greeting", "dataType": "Text"}]}}""";
    static final String CUSTOMER_ENTITY = """
            {"key": "Customer", "name": "Customer", "type": "Entity", "description": "A customer",
             "signature": {"attributes": [{"name": "Id", "dataType": "Identifier", "isMandatory": true},
                                          {"name": "Name", "dataType": "Text"},
                                          {"name": "Email", "dataType": "Email"}]}}""";

    @Autowired
    DeployedAssetRepository deployed;

    static String library(UUID key, String name, String libraries, String elements, String references) {
        return """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "LowCodeLibrary",
                 "configuration": {"libraries": %s}, "publicElements": %s, "references": %s}
                """.formatted(key, name, libraries, elements, references);
    }

    static String app(UUID key, String name, String libraries, String elements, String references) {
        return """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "WebApplication",
                 "configuration": {"libraries": %s}, "publicElements": %s, "references": %s,
                 "run": {"command": ["sh", "app/run.sh"]}}
                """.formatted(key, name, libraries, elements, references);
    }

    static String lib(UUID key, int revision) {
        return "{\"assetKey\": \"" + key + "\", \"revision\": " + revision + "}";
    }

    static String uses(UUID producer, String... elements) {
        return "{\"assetKey\": \"" + producer + "\", \"elements\": [\"" + String.join("\", \"", elements) + "\"]}";
    }

    UUID uploadManifest(String manifest) throws IOException {
        return upload(TestBundles.withManifest(manifest));
    }

    Api.Response tryUpload(String manifest) throws IOException {
        return api.uploadBundle(TestBundles.withManifest(manifest).bytes());
    }

    void deployedIn(String stage, UUID asset, int revision) {
        deployed.save(new DeployedAsset(stage, asset.toString(), revision, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), Instant.now(), "test", "{}"));
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode byKey(JsonNode list, Object key) {
        for (JsonNode n : list) {
            if (n.path("key").asString().equals(key.toString()) || n.path("assetKey").asString().equals(key.toString())) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }
}
