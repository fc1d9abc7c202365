package dev.stageport.runtime.kubernetes;

import dev.stageport.portfolio.Stage;
import dev.stageport.runtime.InstanceStatus;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.secrets.SecretCipher;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs a stage's apps on Kubernetes: per asset one Deployment, Service, ConfigMap and
 * Secret in the stage's namespace. Provision applies the new pod template (a rolling
 * update that keeps the old ReplicaSet serving until new pods are ready), HealthCheck
 * waits for the rollout and puts the previous template back when it fails.
 */
@Component
public class KubernetesRuntime implements Runtime {

    public static final String DRIVER = "kubernetes";
    /** The pod template that served before the current rollout, kept on the Deployment for rollback. */
    static final String PREVIOUS_TEMPLATE = "stageport.dev/previous-template";

    private final KubernetesClients clients;
    private final SecretCipher cipher;
    private final RolloutWatcher watcher;

    @Autowired
    public KubernetesRuntime(KubernetesClients clients, SecretCipher cipher, Clock clock) {
        this(clients, cipher, new RolloutWatcher(clock, Duration.ofSeconds(1),
                d -> Thread.sleep(d.toMillis())));
    }

    KubernetesRuntime(KubernetesClients clients, SecretCipher cipher, RolloutWatcher watcher) {
        this.clients = clients;
        this.cipher = cipher;
        this.watcher = watcher;
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public void validateSettings(String settingsJson) {
        KubernetesSettings.parse(settingsJson);
    }

    /** The objects the driver would apply for this build and configuration, for review. */
    ManifestRenderer.Manifests render(Stage stage, RuntimeContext context) {
        KubernetesSettings settings = settings(stage);
        if (context.artifactDigest() == null) {
            throw new RuntimeFailure("The build " + context.buildKey() + " has no artifact.");
        }
        if (context.runSpec() == null) {
            throw new RuntimeFailure("The build " + context.buildKey() + " is a library build; it does not run.");
        }
        ManifestRenderer.Target target = new ManifestRenderer.Target(context.assetKey(), context.revision(),
                context.buildKey(), context.operationKey(), context.artifactDigest(), context.runSpec());
        return ManifestRenderer.render(settings, target,
                AppConfiguration.from(context.configurationJson(), cipher));
    }

    @Override
    public void provision(RuntimeContext context) {
        ManifestRenderer.Manifests manifests = render(context.stage(), context);
        call(context, client -> {
            client.resource(manifests.configMap()).createOr(NonDeletingOperation::update);
            client.resource(manifests.secret()).createOr(NonDeletingOperation::update);
            Deployment next = manifests.deployment();
            Deployment current = deployments(client, context).get();
            if (current != null) {
                next.getMetadata().getAnnotations().put(PREVIOUS_TEMPLATE,
                        client.getKubernetesSerialization().asJson(current.getSpec().getTemplate()));
            }
            client.resource(next).createOr(NonDeletingOperation::update);
        });
    }

    @Override
    public void healthCheck(RuntimeContext context) {
        KubernetesSettings settings = settings(context.stage());
        KubernetesClient client = clients.client(settings);
        Optional<String> failure = call(context, () -> watcher.await(client, settings.namespace(),
                ManifestRenderer.baseName(context.assetKey()), context.operationKey(),
                Duration.ofSeconds(settings.rolloutTimeoutSeconds())));
        if (failure.isEmpty()) {
            return;
        }
        String outcome = call(context, () -> rollBack(client, context));
        throw new RuntimeFailure("Revision " + context.revision() + " did not become ready: " + failure.get() + " "
                + outcome);
    }

    /** Puts the template that served before back (a rollout undo), or removes a first deployment that never served. */
    private String rollBack(KubernetesClient client, RuntimeContext context) {
        Deployment deployment = deployments(client, context).get();
        if (deployment == null) {
            return "Nothing to roll back.";
        }
        String previous = deployment.getMetadata().getAnnotations() == null ? null
                : deployment.getMetadata().getAnnotations().get(PREVIOUS_TEMPLATE);
        if (previous == null) {
            ClusterObjects.delete(client, namespace(context), context.assetKey());
            return "The new Deployment was removed; nothing ran before it.";
        }
        deployment.getSpec().setTemplate(client.getKubernetesSerialization().unmarshal(previous,
                PodTemplateSpec.class));
        deployment.getMetadata().getAnnotations().remove(PREVIOUS_TEMPLATE);
        deployment.setStatus(null);
        // unlocked: the controller keeps writing status, which would make a versioned update conflict
        client.resource(deployment).unlock().update();
        ClusterObjects.prune(client, namespace(context), context.assetKey());
        return "Rolled back to the previous pod template: the previous ReplicaSet keeps serving.";
    }

    /** Serves the new pods, and notes their restart counts for the health gate. */
    @Override
    public void activate(RuntimeContext context) {
        ManifestRenderer.Manifests manifests = render(context.stage(), context);
        call(context, client -> {
            client.resource(manifests.service()).createOr(NonDeletingOperation::update);
            PodHealth.markSwitch(client, namespace(context), context.assetKey(), context.operationKey());
        });
    }

    /** Kubernetes scaled the old ReplicaSet down during the rollout; what is left is the old configuration. */
    @Override
    public void retire(RuntimeContext context) {
        call(context, client -> ClusterObjects.prune(client, namespace(context), context.assetKey()));
    }

    /** The health gate on Kubernetes: every pod of the revision ready and none restarted since the switch. */
    @Override
    public Optional<String> probe(RuntimeContext active, String path) {
        KubernetesClient client = clients.client(settings(active.stage()));
        return call(active, () -> PodHealth.problems(client, namespace(active), active.assetKey(),
                active.operationKey()));
    }

    @Override
    public void switchBack(RuntimeContext failed, RuntimeContext previous) {
        KubernetesClient client = clients.client(settings(failed.stage()));
        call(failed, () -> rollBack(client, failed));
    }

    @Override
    public void undeploy(RuntimeContext context) {
        call(context, client -> ClusterObjects.delete(client, namespace(context), context.assetKey()));
    }

    @Override
    public InstanceStatus status(Stage stage, String assetKey) {
        KubernetesSettings settings = settings(stage);
        return ClusterObjects.status(clients.client(settings), settings.namespace(), assetKey);
    }

    @Override
    public List<String> logs(Stage stage, String assetKey, int maxLines) {
        KubernetesSettings settings = settings(stage);
        return ClusterObjects.logs(clients.client(settings), settings.namespace(), assetKey, maxLines);
    }

    private static KubernetesSettings settings(Stage stage) {
        try {
            return KubernetesSettings.parse(stage.runtimeSettings());
        } catch (IllegalArgumentException e) {
            throw new RuntimeFailure("The stage '" + stage.name() + "': " + e.getMessage());
        }
    }

    private static String namespace(RuntimeContext context) {
        return settings(context.stage()).namespace();
    }

    private io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment> deployments(
            KubernetesClient client, RuntimeContext context) {
        return client.apps().deployments().inNamespace(namespace(context))
                .withName(ManifestRenderer.baseName(context.assetKey()));
    }

    private void call(RuntimeContext context, java.util.function.Consumer<KubernetesClient> action) {
        KubernetesClient client = clients.client(settings(context.stage()));
        call(context, () -> {
            action.accept(client);
            return null;
        });
    }

    /** Cluster errors (refused, forbidden, unreachable) become step failures that name the cluster's reason. */
    private static <T> T call(RuntimeContext context, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            throw new RuntimeFailure("The Kubernetes API refused a request for stage '" + context.stage().name()
                    + "': " + (e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : e.getMessage()));
        }
    }
}
