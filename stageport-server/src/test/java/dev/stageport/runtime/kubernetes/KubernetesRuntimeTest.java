package dev.stageport.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.portfolio.Stage;
import dev.stageport.runtime.InstanceStatus;
import dev.stageport.bundles.RunSpec;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.secrets.SecretCipher;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against the fabric8 mock API server in CRUD mode (no controllers: tests play the Deployment controller). */
@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeTest {

    static KubernetesClient client;

    private static final String NS = "stageport-qa";
    private final SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));
    private final String asset = UUID.randomUUID().toString();
    private final String name = "app-" + asset;
    private final MutableClock clock = new MutableClock();
    /** Runs between polls, in place of waiting: lets a test mark the rollout done "later". */
    private Runnable duringWait = () -> { };
    private KubernetesRuntime runtime;
    private Stage stage;

    @BeforeEach
    void setUp() {
        RolloutWatcher watcher = new RolloutWatcher(clock, Duration.ofSeconds(1), d -> {
            clock.advance(d);
            duringWait.run();
        });
        runtime = new KubernetesRuntime(s -> client, cipher, watcher);
        stage = new Stage(UUID.randomUUID().toString(), "QA", Stage.Purpose.NonProduction, 1, "qa.local", null, null,
                "kubernetes", """
                {"namespace": "stageport-qa", "stageportUrl": "http://stageport.stageport.svc:8080",
                 "rolloutTimeoutSeconds": 30, "replicas": 2}""", Instant.EPOCH);
    }

    @Test
    void deployCreatesConfigMapSecretDeploymentAndServiceWithSecretsOnlyInTheSecret() {
        deploy(1, config("Hello", "sk-live-123"));

        Deployment deployment = deployment();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("stageport.dev/revision", "1");
        var app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(app.getCommand()).containsExactly("java", "-jar", "app.jar");
        assertThat(app.getEnv()).extracting(EnvVar::getName).contains("PORT", "STAGEPORT_SETTING_GREETINGTEXT",
                "STAGEPORT_SETTING_APIKEY", "STAGEPORT_SECRET_APIKEY");
        EnvVar apiKey = app.getEnv().stream().filter(e -> e.getName().equals("STAGEPORT_SETTING_APIKEY")).findFirst()
                .orElseThrow();
        assertThat(apiKey.getValue()).isNull();
        assertThat(apiKey.getValueFrom().getSecretKeyRef().getName()).startsWith(name + "-");

        ConfigMap configMap = only(client.configMaps().inNamespace(NS).withLabel("stageport.dev/asset", asset)
                .list().getItems());
        assertThat(configMap.getData()).containsEntry("STAGEPORT_SETTING_GREETINGTEXT", "Hello")
                .doesNotContainKey("STAGEPORT_SETTING_APIKEY");
        assertThat(configMap.getData().toString()).doesNotContain("sk-live-123");
        assertThat(configMap.getData().get("config.json")).contains("settings/ApiKey").contains("Hello");
        Secret secret = only(client.secrets().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems());
        assertThat(clear(secret)).containsEntry("STAGEPORT_SETTING_APIKEY", "sk-live-123");
        assertThat(client.services().inNamespace(NS).withName(name).get().getSpec().getSelector())
                .containsEntry("stageport.dev/asset", asset);
        assertThat(client.apps().deployments().inNamespace(NS).withName(name).get().getMetadata().getAnnotations())
                .doesNotContainKey(KubernetesRuntime.PREVIOUS_TEMPLATE);
        assertThat(runtime.status(stage, asset).state()).isEqualTo(InstanceStatus.State.Running);
        assertThat(runtime.status(stage, asset).url()).isEqualTo("http://" + name + ".stageport-qa.svc.cluster.local");
    }

    @Test
    void redeployUpdatesTheTemplateAndRetireRemovesTheOldConfiguration() {
        deploy(1, config("Hello", "one"));
        String firstConfig = ClusterObjects.configName(deployment()).orElseThrow();

        deploy(2, config("Bonjour", "two"));

        Deployment deployment = deployment();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("stageport.dev/revision", "2");
        String secondConfig = ClusterObjects.configName(deployment).orElseThrow();
        assertThat(secondConfig).isNotEqualTo(firstConfig);
        assertThat(client.configMaps().inNamespace(NS).withName(firstConfig).get()).isNull();
        assertThat(client.secrets().inNamespace(NS).withName(firstConfig).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName(secondConfig).get().getData())
                .containsEntry("STAGEPORT_SETTING_GREETINGTEXT", "Bonjour");
    }

    @Test
    void rolloutThatNeverBecomesReadyTimesOutAndPutsThePreviousTemplateBack() {
        deploy(1, config("Hello", "one"));
        Deployment before = deployment();
        String firstConfig = ClusterObjects.configName(before).orElseThrow();
        RuntimeContext second = context(2, config("Broken", "two"));
        runtime.provision(second);
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("stageport.dev/revision", "2");
        // the controller saw the new spec but no new pod becomes available
        markRollout(1, 2, 2);

        assertThatThrownBy(() -> runtime.healthCheck(second)).isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("did not become ready")
                .hasMessageContaining("within 30 seconds")
                .hasMessageContaining("previous ReplicaSet keeps serving");

        Deployment after = deployment();
        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(after.getMetadata().getAnnotations()).doesNotContainKey(KubernetesRuntime.PREVIOUS_TEMPLATE);
        assertThat(client.configMaps().inNamespace(NS).withName(firstConfig).get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems())
                .hasSize(1);
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void healthCheckFailureNamesTheWaitingReasonOfTheNewPods() {
        deploy(1, config("Hello", "one"));
        RuntimeContext second = context(2, config("Hello", "two"));
        runtime.provision(second);
        client.resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(name + "-x")
                .withNamespace(NS).addToLabels("stageport.dev/asset", asset)
                .addToLabels("stageport.dev/operation", second.operationKey()).endMetadata()
                .withNewStatus().addNewContainerStatus().withName("app").withNewState().withNewWaiting()
                .withReason("ImagePullBackOff").withMessage("pull access denied").endWaiting().endState()
                .endContainerStatus().endStatus().build()).create();

        assertThatThrownBy(() -> runtime.healthCheck(second)).isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("container app waiting: ImagePullBackOff (pull access denied)");
    }

    @Test
    void progressDeadlineExceededOnTheNewSpecStopsTheWaitEarlyWithTheControllersMessage() {
        deploy(1, config("Hello", "one"));
        RuntimeContext second = context(2, config("Hello", "two"));
        runtime.provision(second);
        markRollout(1, 2, 2, deadlineExceeded());

        assertThatThrownBy(() -> runtime.healthCheck(second)).isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("stopped progressing: ProgressDeadlineExceeded (ReplicaSet has timed out)");
        assertThat(clock.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("stageport.dev/revision", "1");
    }

    @Test
    void aDeadlineExceededLeftFromAnOlderSpecDoesNotFailTheNewRollout() {
        deploy(1, config("Hello", "one"));
        RuntimeContext second = context(2, config("Hello", "two"));
        runtime.provision(second);
        Deployment d = deployment();
        d.getMetadata().setGeneration(5L);
        client.resource(d).update();
        d = deployment();
        // the controller has not yet observed generation 5: its status still reports the old spec's failure
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration() - 1)
                .withReplicas(2).withAvailableReplicas(2).withConditions(deadlineExceeded()).build());
        client.resource(d).updateStatus();
        duringWait = () -> markRollout(2, 2, 2);

        runtime.healthCheck(second);

        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("stageport.dev/revision", "2");
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentCondition deadlineExceeded() {
        return new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder().withType("Progressing")
                .withStatus("False").withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet has timed out")
                .build();
    }

    @Test
    void firstDeployThatFailsLeavesNothingBehind() {
        RuntimeContext first = context(1, config("Hello", "one"));
        runtime.provision(first);
        assertThatThrownBy(() -> runtime.healthCheck(first)).isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("nothing ran before it");
        assertThat(client.apps().deployments().inNamespace(NS).withName(name).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems())
                .isEmpty();
    }

    @Test
    void rolloutCompletesWhenTheControllerReportsReadyDuringTheWait() {
        deploy(1, config("Hello", "one"));
        RuntimeContext second = context(2, config("Hello", "two"));
        runtime.provision(second);
        markRollout(0, 2, 2);
        duringWait = () -> markRollout(2, 2, 2);

        runtime.healthCheck(second);

        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("stageport.dev/revision", "2");
        assertThat(clock.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void applyConfigsThroughTheDeployStepsRollsOutTheNewValues() {
        deploy(1, config("Hello", "one"));
        RuntimeContext apply = context(1, config("Hi", "one"));
        duringWait = () -> markRollout(2, 2, 2);

        // the engine runs ApplyConfigs as a Deploy of the running build with the new configuration
        runtime.provision(apply);
        runtime.healthCheck(apply);
        runtime.activate(apply);
        runtime.retire(apply);

        String configName = ClusterObjects.configName(deployment()).orElseThrow();
        assertThat(client.configMaps().inNamespace(NS).withName(configName).get().getData())
                .containsEntry("STAGEPORT_SETTING_GREETINGTEXT", "Hi");
        assertThat(client.configMaps().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems())
                .hasSize(1);
    }

    @Test
    void undeployDeletesAllFourObjects() {
        deploy(1, config("Hello", "one"));

        runtime.undeploy(context(1, null));

        assertThat(client.apps().deployments().inNamespace(NS).withName(name).get()).isNull();
        assertThat(client.services().inNamespace(NS).withName(name).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems())
                .isEmpty();
        assertThat(client.secrets().inNamespace(NS).withLabel("stageport.dev/asset", asset).list().getItems())
                .isEmpty();
        assertThat(runtime.status(stage, asset).state()).isEqualTo(InstanceStatus.State.NotDeployed);
    }

    /** A full Deploy as the engine runs it, with the rollout reported complete. */
    private void deploy(int revision, String config) {
        RuntimeContext context = context(revision, config);
        runtime.provision(context);
        markRollout(2, 2, 2);
        runtime.healthCheck(context);
        runtime.activate(context);
        runtime.retire(context);
    }

    private RuntimeContext context(int revision, String config) {
        return new RuntimeContext(stage, asset, revision, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                config, "sha256:" + "ab".repeat(32), new RunSpec(List.of("java", "-jar", "app.jar"), "PORT", "/health"),
                null);
    }

    private String config(String greeting, String apiKey) {
        return """
                {"settings/GreetingText": {"value": "%s", "secret": false, "origin": "EnvironmentLevelOverride"},
                 "settings/ApiKey": {"value": "%s", "secret": true, "origin": "EnvironmentLevelOverride"}}"""
                .formatted(greeting, cipher.encryptText(apiKey));
    }

    /** Plays the Deployment controller: reports the status of the current generation. */
    private void markRollout(int updated, int available, int total,
                             io.fabric8.kubernetes.api.model.apps.DeploymentCondition... conditions) {
        Deployment d = deployment();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(total).withUpdatedReplicas(updated).withAvailableReplicas(available)
                .withReadyReplicas(available).withConditions(conditions).build());
        client.resource(d).updateStatus();
    }

    private Deployment deployment() {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Map<String, String> clear(Secret secret) {
        if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
            return secret.getStringData();
        }
        return secret.getData().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }

    private static final class MutableClock extends Clock {
        private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private Instant now = start;

        void advance(Duration d) {
            now = now.plus(d);
        }

        Duration elapsed() {
            return Duration.between(start, now);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
