package dev.stageport.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.RunSpec;
import dev.stageport.portfolio.Stage;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.secrets.SecretCipher;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health gate's probe on Kubernetes (issue #16: pod readiness and restarts), against the
 * fabric8 mock API server in CRUD mode; the tests play the controllers by writing the
 * Deployment's and the pods' status.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesHealthProbeTest {

    static KubernetesClient client;

    private static final String NS = "stageport-qa";
    private final String asset = UUID.randomUUID().toString();
    private final String name = "app-" + asset;
    private KubernetesRuntime runtime;
    private RuntimeContext active;

    @BeforeEach
    void switchToANewRevisionWithTwoPods() {
        SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));
        runtime = new KubernetesRuntime(s -> client, cipher,
                new RolloutWatcher(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(1), d -> { }));
        Stage stage = new Stage(UUID.randomUUID().toString(), "QA", Stage.Purpose.NonProduction, 1, "qa.local", null,
                null, "kubernetes", """
                {"namespace": "stageport-qa", "stageportUrl": "http://stageport.stageport.svc:8080",
                 "rolloutTimeoutSeconds": 30, "replicas": 2}""", Instant.EPOCH);
        active = new RuntimeContext(stage, asset, 1, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "{}", "sha256:" + "ab".repeat(32), new RunSpec(List.of("java", "-jar", "app.jar"), "PORT", "/health"),
                null);
        runtime.provision(active);
        pod("a", true, 0);
        pod("b", true, 2); // restarted while it started up, before the switch
        rolloutComplete();
        runtime.healthCheck(active);
        runtime.activate(active);
    }

    @Test
    void readyPodsThatDidNotRestartSinceTheSwitchPass() {
        assertThat(runtime.probe(active, null)).isEmpty();
    }

    @Test
    void aPodThatIsNotReadyFailsTheProbeAndIsNamed() {
        pod("b", false, 2);

        assertThat(runtime.probe(active, null)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("Pod " + name + "-b is not ready (ContainersNotReady")
                .doesNotContain(name + "-a"));
    }

    @Test
    void aPodWhoseRestartCountGrewSinceTheSwitchFailsTheProbe() {
        pod("b", true, 3);

        assertThat(runtime.probe(active, null)).hasValue("Pod " + name + "-b restarted 1 time(s) since the switch.");
    }

    @Test
    void aPodThatCameAfterTheSwitchCountsItsRestartsFromZero() {
        pod("c", true, 1);

        assertThat(runtime.probe(active, null)).hasValue("Pod " + name + "-c restarted 1 time(s) since the switch.");
    }

    @Test
    void podsOfTheRevisionBeforeAreNotJudged() {
        client.resource(new PodBuilder(podOf("old", false, 7)).editMetadata()
                .addToLabels(ManifestRenderer.OPERATION, UUID.randomUUID().toString()).endMetadata().build()).create();

        assertThat(runtime.probe(active, null)).isEmpty();
    }

    /** Plays the kubelet: writes one pod of the active operation with its readiness and restart count. */
    private void pod(String suffix, boolean ready, int restarts) {
        Pod pod = podOf(suffix, ready, restarts);
        Pod existing = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
        if (existing == null) {
            client.resource(pod).create();
        } else {
            existing.setStatus(pod.getStatus());
            client.resource(existing).updateStatus();
        }
    }

    private Pod podOf(String suffix, boolean ready, int restarts) {
        return new PodBuilder().withNewMetadata().withName(name + "-" + suffix).withNamespace(NS)
                .addToLabels(ManifestRenderer.ASSET, asset)
                .addToLabels(ManifestRenderer.OPERATION, active.operationKey()).endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withReason(ready ? null : "ContainersNotReady")
                .withMessage(ready ? null : "containers with unready status: [app]").endCondition()
                .addNewContainerStatus().withName("app").withReady(ready).withRestartCount(restarts)
                .endContainerStatus().endStatus().build();
    }

    /** Plays the Deployment controller: every replica updated and available. */
    private void rolloutComplete() {
        Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());
        client.resource(d).updateStatus();
    }
}
