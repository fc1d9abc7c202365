package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BundleUploadTest extends ServerTest {

    static final String ASSETS = "/api/asset-repository/v1/assets";

    static byte[] app(UUID key, String name) throws Exception {
        return TestBundles.withManifest(TestBundles.appManifest(key, name, "[]")).bytes();
    }

    @Test
    void uploadCreatesRevisionOneAndReuploadRevisionTwo() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] zip = app(key, "Uploaded");

        Api.Response first = api.uploadBundle(zip);
        Api.Response second = api.uploadBundle(zip);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("applicationKey").asString()).isEqualTo(key.toString());
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        assertThat(first.json().get("applicationType").asString()).isEqualTo("WebApplication");
        assertThat(first.json().get("isDeployable").asBoolean()).isTrue();
        assertThat(second.json().get("revision").asInt()).isEqualTo(2);
        JsonNode latest = api.get(ASSETS + "/" + key).json();
        assertThat(latest.get("revision").asInt()).isEqualTo(2);
        assertThat(latest.get("name").asString()).isEqualTo("Uploaded");
        assertThat(latest.get("commitMessage").asString()).isEqualTo("first cut");
        assertThat(latest.get("modelDigest").asString()).startsWith("sha256:");
        assertThat(assets.bundleDigest(key.toString(), 2)).hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
    }

    @Test
    void multipartUploadTakesTagReleaseNotesAndCommitMessageFromCreationRequest() throws Exception {
        UUID key = UUID.randomUUID();
        Multipart body = new Multipart()
                .json("creationRequest", "{\"tag\":\"1.0.0\",\"releaseNotes\":\"first\",\"commitMessage\":\"cm\"}")
                .file("assetFile", app(key, "Multi"));

        Api.Response r = api.send("POST", ASSETS, body.contentType(), body.bytes());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("tag").asString()).isEqualTo("1.0.0");
        JsonNode notes = api.get(ASSETS + "/" + key + "/revisions/1/release-notes").json();
        assertThat(notes.get("tag").asString()).isEqualTo("1.0.0");
        assertThat(notes.get("content").asString()).isEqualTo("first");
        assertThat(api.get(ASSETS + "/" + key).json().get("commitMessage").asString()).isEqualTo("cm");
    }

    @Test
    void bundleOverTheOneMegabyteApiBodyLimitWithAnIdempotencyKeyIsStreamedAndStored() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] noise = new byte[3 * 1024 * 1024];
        new java.util.Random(3).nextBytes(noise);
        byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "Big", "[]")).entry("noise.bin", noise)
                .bytes();

        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + ASSETS))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/octet-stream")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        dev.stageport.support.OdcContract.verify(r, r.body());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(api.get(ASSETS + "/" + key).json().get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void creationRequestPartWithoutContentTypeIsReadAsJsonAndBadJsonThen400() throws Exception {
        UUID key = UUID.randomUUID();
        Multipart plain = new Multipart().untyped("creationRequest", "{\"tag\":\"2.0.0\"}")
                .file("assetFile", app(key, "Curl"));
        Multipart broken = new Multipart().untyped("creationRequest", "{\"tag\":").file("assetFile", app(key, "C"));

        Api.Response r = api.send("POST", ASSETS, plain.contentType(), plain.bytes());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("tag").asString()).isEqualTo("2.0.0");
        api.send("POST", ASSETS, broken.contentType(), broken.bytes()).problem(400);
    }

    @Test
    void multipartWithoutAssetFileThen400() {
        Multipart body = new Multipart().json("creationRequest", "{\"tag\":\"1.0.0\"}");

        api.send("POST", ASSETS, body.contentType(), body.bytes()).problem(400);
    }

    @Test
    void uploadUrlTakesTheBundleWithoutTokenAndPostAssetsCreatesTheRevision() throws Exception {
        UUID key = UUID.randomUUID();
        Api.Response created = api.post("/api/asset-repository/v1/uploads", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("uploadUrl").asString();
        assertThat(url).startsWith(baseUrl() + "/api/asset-repository/v1/uploads/");

        Api anonymous = new Api(baseUrl());
        Api.Response put = anonymous.send("PUT", url.substring(baseUrl().length()), "application/octet-stream",
                app(key, "Via URL"));
        Api.Response revision = api.post(ASSETS, "{\"fileUri\":\"" + url + "\",\"tag\":\"0.1.0\"}");

        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        assertThat(revision.json().get("applicationKey").asString()).isEqualTo(key.toString());
        assertThat(revision.json().get("tag").asString()).isEqualTo("0.1.0");
    }

    @Test
    void unknownUploadUrlThen404AndNonUploadUrlThen400() {
        api.post(ASSETS, "{\"fileUri\":\"" + baseUrl() + "/api/asset-repository/v1/uploads/nope\"}").problem(404);
        api.post(ASSETS, "{\"fileUri\":\"https://example.com/x.zip\"}").problem(400);
        api.post(ASSETS, "{}").problem(400);
        new Api(baseUrl()).send("PUT", "/api/asset-repository/v1/uploads/nope", "application/octet-stream",
                new byte[] {1}).problem(404);
    }

    @Test
    void twoConcurrentUploadsOfTheSameAssetGetConsecutiveRevisionsAndLoseNothing() throws Exception {
        UUID key = UUID.randomUUID();
        int uploads = 6;
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            byte[] zip = TestBundles.withManifest(TestBundles.appManifest(key, "Race", "[]"))
                    .entry("n.txt", "upload " + i).bytes();
            calls.add(() -> api.uploadBundle(zip));
        }
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        List<Integer> revisions = new ArrayList<>();
        try {
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                revisions.add(r.json().get("revision").asInt());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(revisions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        JsonNode listed = api.get(ASSETS + "/" + key + "/revisions?limit=100").json();
        assertThat(listed.get("results").size()).isEqualTo(uploads);
        List<String> digests = new ArrayList<>();
        for (int i = 1; i <= uploads; i++) {
            digests.add(assets.bundleDigest(key.toString(), i).orElseThrow());
        }
        assertThat(digests).doesNotHaveDuplicates();
    }

    @Test
    void bundleThatChangesTheAssetTypeThen400() throws Exception {
        UUID key = UUID.randomUUID();
        assertThat(api.uploadBundle(app(key, "Typed")).status()).isEqualTo(201);

        byte[] library = TestBundles.zip().entry("manifest.json", TestBundles.libraryManifest(key, "L", "S")).bytes();

        assertThat(api.uploadBundle(library).problem(400).get("detail").asString()).contains("keeps its type");
        assertThat(api.get(ASSETS + "/" + key).json().get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void newAssetNeedsCreateAndNewRevisionNeedsChange() throws Exception {
        UUID key = UUID.randomUUID();
        Api opener = clientWith(everywhere(Permission.ASSET_OPEN));
        Api changer = clientWith(everywhere(Permission.ASSET_CHANGE));
        Api creator = clientWith(everywhere(Permission.ASSET_CREATE));

        opener.uploadBundle(app(key, "Perm")).problem(403);
        changer.uploadBundle(app(key, "Perm")).problem(403);
        assertThat(api.get(ASSETS + "/" + key).status()).isEqualTo(404);
        assertThat(creator.uploadBundle(app(key, "Perm")).status()).isEqualTo(201);
        creator.uploadBundle(app(key, "Perm")).problem(403);
        assertThat(changer.uploadBundle(app(key, "Perm")).json().get("revision").asInt()).isEqualTo(2);
        opener.post("/api/asset-repository/v1/uploads", "").problem(403);
    }

    @Test
    void uploadWithoutTokenThen401() throws Exception {
        new Api(baseUrl()).uploadBundle(app(UUID.randomUUID(), "Anon")).problem(401);
    }
}
