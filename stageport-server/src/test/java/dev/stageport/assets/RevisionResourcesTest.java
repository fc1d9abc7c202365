package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RevisionResourcesTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets/";
    private static final byte[] ICON = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    @Test
    void sourceCodeAndSignaturePointAtTheUploadedBundleAndItsDigest() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "Sourced", "[]")).bytes();
        assertThat(api.uploadBundle(zip).status()).isEqualTo(201);
        String digest = uuidOfSha256(zip);

        JsonNode source = api.get(ASSETS + key + "/revisions/1/source-code").json();
        assertThat(source.get("sourceCodeDigest").asString()).isEqualTo(digest);
        assertThat(download(source.get("sourceCodeBinaryUrl").asString(), "application/zip")).isEqualTo(zip);

        JsonNode signature = api.get(ASSETS + key + "/revisions/1/signature").json();
        assertThat(signature.get("signatureDigest").asString()).isEqualTo(digest);
        assertThat(signature.get("compatibilitySignatureDigest").asString()).isEqualTo(digest);
        assertThat(signature.has("signatureBinaryUrl")).isFalse();
    }

    @Test
    void theIconComesFromIconPngInTheBundleAndIsA404WithoutOne() throws Exception {
        UUID withIcon = UUID.randomUUID();
        upload(TestBundles.withManifest(TestBundles.appManifest(withIcon, "Iconic", "[]")).entry("icon.png", ICON));
        JsonNode icon = api.get(ASSETS + withIcon + "/revisions/1/icon").json();
        assertThat(icon.get("iconDigest").asString()).isEqualTo(uuidOfSha256(ICON));
        assertThat(download(icon.get("iconUrl").asString(), "image/png")).isEqualTo(ICON);

        UUID plain = UUID.randomUUID();
        upload(TestBundles.withManifest(TestBundles.appManifest(plain, "Plain", "[]")));
        assertThat(api.get(ASSETS + plain + "/revisions/1/icon").problem(404).get("detail").asString())
                .contains("icon.png");
        JsonNode embedded = api.get(ASSETS + withIcon + "/revisions/1?embed=icon,sourceCode,signature").json()
                .get("_embedded");
        assertThat(embedded.get("icon").get("iconUrl").asString()).isEqualTo(icon.get("iconUrl").asString());
        assertThat(embedded.has("sourceCode")).isTrue();
        assertThat(embedded.has("signature")).isTrue();
    }

    @Test
    void metadataTellsWhetherTheAssetDeploysAndWhere() throws Exception {
        UUID key = UUID.randomUUID();
        upload(TestBundles.withManifest(TestBundles.appManifest(key, "Hello World App", "[]")));
        JsonNode metadata = api.get(ASSETS + key + "/revisions/1/metadata").json();
        assertThat(metadata.get("isDeployable").asBoolean()).isTrue();
        assertThat(metadata.get("isBuiltInAsset").asBoolean()).isFalse();
        assertThat(metadata.get("urlPath").asString()).isEqualTo("hello-world-app");
        assertThat(metadata.get("commitMessage").asString()).isEqualTo("first cut");
    }

    @Test
    void revisionsWithoutABundleHaveNothingToDownload() {
        TestApp app = newApp();
        JsonNode source = api.get(ASSETS + app.key() + "/revisions/1/source-code").json();
        assertThat(source.size()).isZero();
        api.get("/api/stageport/v1/assets/" + app.key() + "/revisions/1/bundle").problem(404);
    }

    @Test
    void unknownAssetsOrRevisionsAre404AndMalformedKeys400AndNoPermission403() {
        for (String part : new String[] {"source-code", "signature", "metadata", "icon"}) {
            api.get(ASSETS + UUID.randomUUID() + "/revisions/1/" + part).problem(404);
            api.get(ASSETS + DemoData.APP + "/revisions/99/" + part).problem(404);
            assertThat(api.get(ASSETS + "nope/revisions/1/" + part).problem(400).get("detail").asString())
                    .contains("assetKey");
            Api viewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
            viewer.get(ASSETS + DemoData.APP + "/revisions/1/" + part).problem(403);
        }
    }

    @Test
    void searchFindsRevisionsByNumberHighestTagAndModelDigest() {
        TestApp app = newApp();
        assertThat(api.patch(ASSETS + app.key() + "/revisions/1", "{\"tag\":\"1.2.0\"}").status()).isEqualTo(204);
        JsonNode results = api.post(ASSETS + "search", """
                {"assetVersionFilters": [{"key": "%s", "revision": 2}, {"key": "%s", "isHighestTag": true},
                 {"key": "%s", "digest": "m2"}, {"key": "%s", "revision": 1}],
                 "embeds": ["metadata"]}""".formatted(app.key(), app.key(), app.key(), UUID.randomUUID()))
                .json().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("tag").asString()).isEqualTo("1.2.0");
        assertThat(results.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(results.get(1).get("_embedded").get("metadata").get("isDeployable").asBoolean()).isTrue();
    }

    @Test
    void malformedSearchesAre400NamingTheField() {
        String search = ASSETS + "search";
        assertThat(detail(api.post(search, "{\"assetVersionFilters\": [{\"revision\": 1}]}")))
                .contains("assetVersionFilters[0].key");
        assertThat(detail(api.post(search, "{\"assetVersionFilters\": [{\"key\": \"%s\"}]}"
                .formatted(DemoData.APP)))).contains("assetVersionFilters[0]").contains("revision");
        assertThat(detail(api.post(search, "{\"assetVersionFilters\": [{\"key\": \"%s\", \"revision\": \"x\"}]}"
                .formatted(DemoData.APP)))).contains("assetVersionFilters[0].revision");
        assertThat(detail(api.post(search, "{\"embeds\": [\"bogus\"]}"))).contains("bogus");
        assertThat(detail(api.post(search, "{\"filters\": []}"))).contains("filters");
        assertThat(detail(api.post(search, "{\"assetVersionFilters\": {}}"))).contains("assetVersionFilters");
        clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA))).post(search, "{}").problem(403);
    }

    private static String detail(Api.Response r) {
        return r.problem(400).get("detail").asString();
    }

    private byte[] download(String path, String contentType) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + path)).header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(contentType);
        return response.body();
    }

    private static String uuidOfSha256(byte[] bytes) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }
}
