package dev.stageport.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The health gate on Kubernetes: every pod the operation's template made is ready, and none
 * has restarted since the switch. The restart counts at the switch are kept on the Deployment,
 * so whichever server replica probes compares with the same numbers; a pod that came after the
 * switch counts from zero. Pods already terminating (scaled down) are no longer judged.
 */
final class PodHealth {

    static final String RESTARTS_AT_SWITCH = "stageport.dev/restarts-at-switch";

    private PodHealth() {
    }

    /** Notes each pod's restart count as traffic switches to it (a metadata change: no new rollout). */
    static void markSwitch(KubernetesClient client, String namespace, String assetKey, String operationKey) {
        var deployment = client.apps().deployments().inNamespace(namespace)
                .withName(ManifestRenderer.baseName(assetKey));
        if (deployment.get() == null) {
            return;
        }
        String counts = pods(client, namespace, operationKey).stream()
                .map(p -> p.getMetadata().getName() + "=" + restarts(p)).collect(Collectors.joining(","));
        deployment.edit(d -> new DeploymentBuilder(d).editMetadata().addToAnnotations(RESTARTS_AT_SWITCH, counts)
                .endMetadata().build());
    }

    /** Empty when healthy, otherwise every pod that is not ready or restarted since the switch. */
    static Optional<String> problems(KubernetesClient client, String namespace, String assetKey,
                                     String operationKey) {
        String name = ManifestRenderer.baseName(assetKey);
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) {
            return Optional.of("The Deployment " + namespace + "/" + name + " is gone.");
        }
        List<Pod> pods = pods(client, namespace, operationKey);
        if (pods.isEmpty()) {
            return Optional.of("No pod of this deployment runs in " + namespace + ".");
        }
        Map<String, Integer> atSwitch = atSwitch(deployment);
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods) {
            String podName = pod.getMetadata().getName();
            if (!ready(pod)) {
                problems.add("Pod " + podName + " is not ready" + whyNotReady(pod));
            }
            int grew = restarts(pod) - atSwitch.getOrDefault(podName, 0);
            if (grew > 0) {
                problems.add("Pod " + podName + " restarted " + grew + " time(s) since the switch");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems) + ".");
    }

    private static List<Pod> pods(KubernetesClient client, String namespace, String operationKey) {
        return client.pods().inNamespace(namespace).withLabel(ManifestRenderer.OPERATION, operationKey).list()
                .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static int restarts(Pod pod) {
        return containers(pod).stream().mapToInt(s -> Objects.requireNonNullElse(s.getRestartCount(), 0)).sum();
    }

    private static boolean ready(Pod pod) {
        return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static String whyNotReady(Pod pod) {
        List<String> reasons = new ArrayList<>();
        readyCondition(pod).filter(c -> c.getReason() != null)
                .ifPresent(c -> reasons.add(c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage())));
        containers(pod).stream().filter(s -> s.getState() != null && s.getState().getWaiting() != null)
                .forEach(s -> reasons.add("container " + s.getName() + " waiting: "
                        + s.getState().getWaiting().getReason()));
        return reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")";
    }

    private static Optional<PodCondition> readyCondition(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }

    private static List<ContainerStatus> containers(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? List.of()
                : pod.getStatus().getContainerStatuses();
    }

    private static Map<String, Integer> atSwitch(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        String counts = annotations == null ? null : annotations.get(RESTARTS_AT_SWITCH);
        if (counts == null || counts.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(counts.split(",")).map(entry -> entry.split("=", 2))
                .collect(Collectors.toMap(e -> e[0], e -> Integer.parseInt(e[1]), (a, b) -> b));
    }
}
