package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A server of its own with tiny bundle limits: too large is 413, too many files 400, and nothing is stored. */
@TestPropertySource(properties = {
    "stageport.bundles.max-size=64KB",
    "stageport.bundles.max-files=20"
})
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class BundleLimitsTest extends ServerTest {

    private static final String ASSETS = "/api/asset-repository/v1/assets";

    private static byte[] tooLarge(UUID key) throws Exception {
        byte[] noise = new byte[100 * 1024];
        new Random(7).nextBytes(noise);
        return TestBundles.withManifest(TestBundles.appManifest(key, "Big", "[]")).entry("noise.bin", noise).bytes();
    }

    @Test
    void bundleOverTheSizeLimitThen413AndNothingStored() throws Exception {
        UUID key = UUID.randomUUID();

        api.uploadBundle(tooLarge(key)).problem(413);

        api.get(ASSETS + "/" + key).problem(404);
    }

    @Test
    void chunkedBundleOverTheSizeLimitThen413() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] zip = tooLarge(key);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + ASSETS))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(zip))).build(),
                HttpResponse.BodyHandlers.ofString());
        dev.stageport.support.OdcContract.verify(r, r.body());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        api.get(ASSETS + "/" + key).problem(404);
    }

    @Test
    void multipartBundleOverTheSizeLimitThen413() throws Exception {
        UUID key = UUID.randomUUID();
        Multipart body = new Multipart().file("assetFile", tooLarge(key));

        api.send("POST", ASSETS, body.contentType(), body.bytes()).problem(413);

        api.get(ASSETS + "/" + key).problem(404);
    }

    @Test
    void bundleSentToAnUploadUrlOverTheSizeLimitThen413() throws Exception {
        String url = api.post("/api/asset-repository/v1/uploads", "").json().get("uploadUrl").asString();

        new Api(baseUrl()).send("PUT", url.substring(baseUrl().length()), "application/octet-stream",
                tooLarge(UUID.randomUUID())).problem(413);
    }

    @Test
    void bundleWithMoreFilesThanTheLimitThen400() throws Exception {
        UUID key = UUID.randomUUID();
        TestBundles bundle = TestBundles.withManifest(TestBundles.appManifest(key, "Many", "[]"));
        for (int i = 0; i < 25; i++) {
            bundle.entry("file" + i + ".txt", "x");
        }

        assertThat(api.uploadBundle(bundle.bytes()).problem(400).get("errors").get(0).asString())
                .contains("at most 20");
        api.get(ASSETS + "/" + key).problem(404);
    }

    @Test
    void bundleWithinTheLimitsIsAccepted() throws Exception {
        assertThat(api.uploadBundle(BundleUploadTest.app(UUID.randomUUID(), "Small")).status()).isEqualTo(201);
    }
}
