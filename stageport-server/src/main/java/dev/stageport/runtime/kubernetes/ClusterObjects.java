package dev.stageport.runtime.kubernetes;

import dev.stageport.runtime.InstanceStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads and removes an asset's objects in a namespace, found by the asset label the renderer sets. */
final class ClusterObjects {

    private ClusterObjects() {
    }

    /** Removes the Deployment, the Service and every ConfigMap and Secret of the asset. */
    static void delete(KubernetesClient client, String namespace, String assetKey) {
        String name = ManifestRenderer.baseName(assetKey);
        client.apps().deployments().inNamespace(namespace).withName(name).delete();
        client.services().inNamespace(namespace).withName(name).delete();
        for (HasMetadata o : configObjects(client, namespace, assetKey)) {
            client.resource(o).delete();
        }
    }

    /**
     * Removes the ConfigMaps and Secrets the Deployment's template no longer uses. The
     * pair of the template that served before stays until a rollout has completed, so
     * that old pods restarting during a rollout, or after a rollback, find their own values.
     */
    static void prune(KubernetesClient client, String namespace, String assetKey) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace)
                .withName(ManifestRenderer.baseName(assetKey)).get();
        Optional<String> inUse = Optional.ofNullable(deployment).flatMap(ClusterObjects::configName);
        for (HasMetadata o : configObjects(client, namespace, assetKey)) {
            if (inUse.isPresent() && !inUse.get().equals(o.getMetadata().getName())) {
                client.resource(o).delete();
            }
        }
    }

    static Optional<String> configName(Deployment deployment) {
        List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
        return volumes == null ? Optional.empty() : volumes.stream()
                .filter(v -> v.getConfigMap() != null).map(v -> v.getConfigMap().getName()).findFirst();
    }

    private static List<HasMetadata> configObjects(KubernetesClient client, String namespace, String assetKey) {
        List<HasMetadata> found = new java.util.ArrayList<>();
        found.addAll(client.configMaps().inNamespace(namespace).withLabel(ManifestRenderer.ASSET, assetKey)
                .list().getItems());
        found.addAll(client.secrets().inNamespace(namespace).withLabel(ManifestRenderer.ASSET, assetKey)
                .list().getItems());
        return found;
    }

    static InstanceStatus status(KubernetesClient client, String namespace, String assetKey) {
        String name = ManifestRenderer.baseName(assetKey);
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) {
            return InstanceStatus.notDeployed();
        }
        List<Pod> pods = pods(client, namespace, assetKey);
        int restarts = pods.stream().filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
                .flatMap(p -> p.getStatus().getContainerStatuses().stream())
                .mapToInt(s -> Objects.requireNonNullElse(s.getRestartCount(), 0)).sum();
        int available = deployment.getStatus() == null ? 0
                : Objects.requireNonNullElse(deployment.getStatus().getAvailableReplicas(), 0);
        InstanceStatus.State state;
        if (RolloutWatcher.complete(deployment) || available > 0) {
            // some pod serves, even mid-rollout; the detail says how far the rollout got
            state = InstanceStatus.State.Running;
        } else {
            state = crashing(pods) ? InstanceStatus.State.Crashed : InstanceStatus.State.Starting;
        }
        String revision = deployment.getMetadata().getAnnotations() == null ? null
                : deployment.getMetadata().getAnnotations().get(ManifestRenderer.REVISION);
        boolean served = client.services().inNamespace(namespace).withName(name).get() != null;
        String created = deployment.getMetadata().getCreationTimestamp();
        return new InstanceStatus(state, revision == null ? null : Integer.valueOf(revision),
                served ? "http://" + name + "." + namespace + ".svc.cluster.local" : null, restarts,
                created == null ? null : Instant.parse(created), RolloutWatcher.progress(deployment) + ".");
    }

    private static boolean crashing(List<Pod> pods) {
        return pods.stream().filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
                .flatMap(p -> p.getStatus().getContainerStatuses().stream())
                .map(ContainerStatus::getState)
                .anyMatch(s -> s != null && s.getWaiting() != null
                        && "CrashLoopBackOff".equals(s.getWaiting().getReason()));
    }

    /** The newest pod's app container log tail; empty when the cluster has no log for it yet. */
    static List<String> logs(KubernetesClient client, String namespace, String assetKey, int maxLines) {
        Optional<Pod> newest = pods(client, namespace, assetKey).stream()
                .max(Comparator.comparing(p -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), "")));
        if (newest.isEmpty()) {
            return List.of();
        }
        try {
            String log = client.pods().inNamespace(namespace).withName(newest.get().getMetadata().getName())
                    .inContainer("app").tailingLines(Math.max(1, maxLines)).getLog();
            return log == null || log.isEmpty() ? List.of() : List.of(log.split("\n"));
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    private static List<Pod> pods(KubernetesClient client, String namespace, String assetKey) {
        return client.pods().inNamespace(namespace).withLabel(ManifestRenderer.ASSET, assetKey).list().getItems();
    }
}
