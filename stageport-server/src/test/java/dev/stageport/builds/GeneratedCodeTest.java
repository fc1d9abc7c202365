package dev.stageport.builds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeneratedCodeTest extends ServerTest {

    private static final String BUILDS = "/api/builds/v1/build-operations/";

    @Test
    void packagingAFinishedBuildEndsWithADownloadOfItsOutput() throws Exception {
        String path = BUILDS + DemoData.BUILD_REV2_RELEASE + "/generated-code";
        Api.Response started = api.post(path, "");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("isSuccessful").asBoolean()).isTrue();

        JsonNode done = awaitStatus(api, path, "Running");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Finished");
        String uri = done.get("uri").asString();
        assertThat(uri).isEqualTo("/api/stageport/v1/builds/" + DemoData.BUILD_REV2_RELEASE + "/generated-code");

        List<String> entries = entries(download(uri));
        assertThat(entries).contains("package.json").anyMatch(e -> e.startsWith("generated-code/"));
        assertThat(api.post(path, "").status()).isEqualTo(201);
        assertThat(api.get(path).json().get("uri").asString()).as("asking again keeps the package").isEqualTo(uri);
    }

    @Test
    void beforeAnyRequestTheStatusIsNotStarted() {
        TestApp app = newApp();
        JsonNode status = api.get(BUILDS + app.release2() + "/generated-code").json();
        assertThat(status.get("status").asString()).isEqualTo("NotStarted");
        assertThat(status.has("uri")).isFalse();
        api.get("/api/stageport/v1/builds/" + app.release2() + "/generated-code").problem(409);
    }

    @Test
    void aBuildWithoutOutputEndsFailedWithTheReason() throws Exception {
        TestApp app = newApp();
        String path = BUILDS + app.release1() + "/generated-code";
        assertThat(api.post(path, "").status()).isEqualTo(201);
        JsonNode done = awaitStatus(api, path, "Running");
        assertThat(done.get("status").asString()).isEqualTo("Failed");
        assertThat(done.get("errors").get(0).get("message").asString()).contains("no deployable output");
        assertThat(done.get("errors").get(0).get("severity").asString()).isEqualTo("Error");
    }

    @Test
    void aBuildThatIsNotFinishedCannotBePackaged() {
        TestApp app = newApp();
        assertThat(api.post(BUILDS + app.running2() + "/generated-code", "").problem(422).get("detail").asString())
                .contains("Running");
    }

    @Test
    void unknownOrMalformedBuildKeysAndMissingPermissionAreRefused() {
        api.post(BUILDS + UUID.randomUUID() + "/generated-code", "").problem(404);
        api.get(BUILDS + UUID.randomUUID() + "/generated-code").problem(404);
        assertThat(api.get(BUILDS + "not-a-key/generated-code").problem(400).get("detail").asString())
                .contains("operationKey");
        Api deployer = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.QA)));
        deployer.post(BUILDS + DemoData.BUILD_REV1_RELEASE + "/generated-code", "").problem(403);
        deployer.get(BUILDS + DemoData.BUILD_REV1_RELEASE + "/generated-code").problem(403);
    }

    private byte[] download(String uri) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + uri)).header("Authorization", "Bearer " + api.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        return response.body();
    }

    static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
