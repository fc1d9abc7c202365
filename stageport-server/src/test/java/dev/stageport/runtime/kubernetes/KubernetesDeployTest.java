package dev.stageport.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Deploy, failed redeploy and undeploy through the real engine, with a stage whose
 * kubeconfig points at the fabric8 mock API server (CRUD mode). The test plays the
 * Deployment controller by writing the rollout status the engine waits for.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDeployTest extends ServerTest {

    static KubernetesClient client;

    private static final String NS = "stageport-k8s-test";

    @Autowired
    private StageRepository stages;
    @Autowired
    private ArtifactStore artifacts;
    @Autowired
    private JdbcClient jdbc;

    private String stageKey;

    @BeforeEach
    void kubernetesStage() throws IOException {
        Path kubeconfig = Path.of("target", "test-tmp", "kubeconfig-" + UUID.randomUUID());
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: mock
                  context: {cluster: mock, user: mock}
                current-context: mock
                users:
                - name: mock
                  user: {token: test}
                """.formatted(client.getMasterUrl()));
        stageKey = UUID.randomUUID().toString();
        stages.insert(new Stage(stageKey, "Kubernetes test", Stage.Purpose.NonProduction, 9, "k8s.local", null, null,
                KubernetesRuntime.DRIVER, """
                {"namespace": "%s", "stageportUrl": "http://stageport.tools.svc:8080",
                 "rolloutTimeoutSeconds": 2, "kubeconfig": "%s", "context": "mock"}"""
                .formatted(NS, kubeconfig.toAbsolutePath()), Instant.now()));
    }

    @AfterEach
    void removeStage() {
        // other test classes count the stages; this one only exists for this test
        jdbc.sql("delete from environment where env_key = ?").param(stageKey).update();
    }

    @Test
    void deployRunsOnKubernetesAFailedRolloutKeepsTheOldTemplateAndUndeployRemovesEverything() throws Exception {
        TestApp app = newApp();
        String digest = withArtifact(app.release1());
        withArtifact(app.release2());
        String configPath = "/api/asset-configurations/v1/environments/" + stageKey + "/applications/" + app.key()
                + "/configurations";
        assertThat(api.patch(configPath, """
                {"key": "%s", "revisionBaseline": 1, "settings": [{"key": "%s", "value": "Hello k8s"},
                 {"key": "%s", "value": "s3cret-token"}]}""".formatted(app.key(), app.greeting(), app.token()))
                .status()).isEqualTo(204);

        String first = operation("Deploy", app, app.release1(), 1);
        Deployment deployment = awaitTemplate(app.key(), first);
        markReady(deployment);
        assertThat(awaitEnd(first)).isEqualTo("Finished");

        String name = "app-" + app.key();
        String configName = ClusterObjects.configName(client.apps().deployments().inNamespace(NS).withName(name)
                .get()).orElseThrow();
        assertThat(client.configMaps().inNamespace(NS).withName(configName).get().getData())
                .containsEntry(setting(app.greeting()), "Hello k8s").doesNotContainKey(setting(app.token()))
                .asString().doesNotContain("s3cret-token");
        assertThat(client.secrets().inNamespace(NS).withName(configName).get()).isNotNull();
        assertThat(client.services().inNamespace(NS).withName(name).get()).isNotNull();
        assertThat(api.get("/api/portfolios/v1/deployed-assets?key=" + app.key()).json().get("results").get(0)
                .get("deployments").get(0).get("url").asString()).as("deployed-assets url: the Service's address")
                .isEqualTo("http://" + name + "." + NS + ".svc.cluster.local");

        String yaml = api.get("/api/stageport/v1/environments/" + stageKey + "/assets/" + app.key()
                + "/kubernetes-manifests").body();
        assertThat(yaml).contains("kind: \"Deployment\"").contains("kind: \"Service\"").contains("kind: \"ConfigMap\"")
                .contains("kind: \"Secret\"").contains(setting(app.token()) + ": \"<redacted>\"")
                .contains("Hello k8s").doesNotContain("s3cret-token");

        HttpResponse<byte[]> artifact = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/stageport/v1/builds/" + app.release1() + "/artifact"))
                .header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(artifact.statusCode()).isEqualTo(200);
        assertThat(artifact.headers().firstValue("X-Artifact-Digest")).contains(digest);
        assertThat(artifact.body()).isEqualTo(Files.readAllBytes(artifacts.path(digest)));

        String second = operation("Deploy", app, app.release2(), 2);
        assertThat(awaitEnd(second)).isEqualTo("FinishedWithError");
        JsonNode messages = api.get("/api/deployments/v1/deployment-operations/" + second + "/messages").json()
                .get("results");
        assertThat(messages.toString()).contains("did not become ready").contains("previous ReplicaSet keeps serving");
        assertThat(client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getTemplate()
                .getMetadata().getLabels()).containsEntry(ManifestRenderer.REVISION, "1");

        String undeploy = api.post("/api/deployments/v1/deployment-operations", """
                {"operation": "Undeploy", "assetKey": "%s", "environmentKey": "%s"}"""
                .formatted(app.key(), stageKey)).json().get("key").asString();
        assertThat(awaitEnd(undeploy)).isEqualTo("Finished");
        assertThat(client.apps().deployments().inNamespace(NS).withName(name).get()).isNull();
        assertThat(client.services().inNamespace(NS).withName(name).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withLabel(ManifestRenderer.ASSET, app.key()).list()
                .getItems()).isEmpty();
    }

    @Test
    void manifestsPreviewABuildBeforeItIsDeployedAndAreRefusedWhereTheyCannotExist() throws IOException {
        TestApp app = newApp();
        String path = "/api/stageport/v1/environments/" + stageKey + "/assets/" + app.key() + "/kubernetes-manifests";
        assertThat(api.get(path).problem(404).get("detail").asString()).contains("?buildKey=");
        api.get(path + "?buildKey=" + app.release1()).problem(409); // no artifact yet
        withArtifact(app.release1());
        assertThat(api.patch("/api/asset-configurations/v1/environments/" + stageKey + "/applications/" + app.key()
                + "/configurations", """
                {"key": "%s", "revisionBaseline": 1, "settings": [{"key": "%s", "value": "pending-secret"}]}"""
                .formatted(app.key(), app.token())).status()).isEqualTo(204);

        Api.Response preview = api.get(path + "?buildKey=" + app.release1());

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("application/yaml");
        assertThat(preview.body()).contains("stageport.dev/revision: \"1\"").contains("path: \"/ready\"")
                .contains(setting(app.token()) + ": \"<redacted>\"").doesNotContain("pending-secret")
                .doesNotContain("stageport.dev/operation");
        api.get(path + "?buildKey=" + app.debug2()).problem(409);
        api.get("/api/stageport/v1/environments/" + dev.stageport.demo.DemoData.QA + "/assets/" + app.key()
                + "/kubernetes-manifests").problem(409);
    }

    /** Test apps use UUIDs as setting keys; the variable is named after the key. */
    private static String setting(String key) {
        return AppConfiguration.SETTING_PREFIX + AppConfiguration.envName(key);
    }

    private String withArtifact(String buildKey) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("app/run.sh"));
            out.write(("echo " + buildKey).getBytes());
            out.closeEntry();
        }
        String digest = artifacts.put(new ByteArrayInputStream(zip.toByteArray()), 1_000_000).digest();
        jdbc.sql("update build set artifact_digest = ?, run_spec = ? where build_key = ?")
                .params(digest, "{\"command\":[\"sh\",\"app/run.sh\"],\"healthPath\":\"/ready\"}", buildKey).update();
        return digest;
    }

    private String operation(String operation, TestApp app, String buildKey, int revision) {
        Api.Response created = api.post("/api/deployments/v1/deployment-operations", """
                {"operation": "%s", "assetKey": "%s", "buildKey": "%s", "revision": %d, "environmentKey": "%s"}"""
                .formatted(operation, app.key(), buildKey, revision, stageKey));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private Deployment awaitTemplate(String assetKey, String operationKey) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Deployment d = client.apps().deployments().inNamespace(NS).withName("app-" + assetKey).get();
            if (d != null && operationKey.equals(d.getSpec().getTemplate().getMetadata().getLabels()
                    .get(ManifestRenderer.OPERATION))) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The engine did not apply the Deployment of operation " + operationKey);
    }

    private void markReady(Deployment d) {
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(1).withReadyReplicas(1).build());
        client.resource(d).updateStatus();
    }

    private String awaitEnd(String operationKey) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = "Running";
        while (status.equals("Running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = api.get("/api/deployments/v1/deployment-operations/" + operationKey).json().get("status")
                    .asString();
        }
        return status;
    }
}
