package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BundleUploadTest extends ServerTest {

    static final String ASSETS = "/api/asset-repository/v1/assets";

    @Test
    void uploadCreatesRevisionOneAndReuploadRevisionTwo() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "Uploaded", "[]")).bytes();

        Api.Response first = api.uploadBundle(zip);
        Api.Response second = api.uploadBundle(zip);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("applicationKey").asString()).isEqualTo(key.toString());
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        assertThat(first.json().get("applicationType").asString()).isEqualTo("WebApplication");
        assertThat(second.json().get("revision").asInt()).isEqualTo(2);
        JsonNode latest = api.get(ASSETS + "/" + key).json();
        assertThat(latest.get("revision").asInt()).isEqualTo(2);
        assertThat(latest.get("name").asString()).isEqualTo("Uploaded");
        assertThat(latest.get("commitMessage").asString()).isEqualTo("first cut");
        assertThat(assets.bundleDigest(key.toString(), 2)).hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
    }
}
