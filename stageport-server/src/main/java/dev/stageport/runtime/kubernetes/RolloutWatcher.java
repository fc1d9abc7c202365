package dev.stageport.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for a Deployment's rollout the way {@code kubectl rollout status} does: the
 * controller has seen the latest spec, every replica runs the new template, and all
 * of them are available. On failure it explains why from the Deployment's conditions
 * and the new pods' container states.
 */
final class RolloutWatcher {

    /** How the watcher passes time; tests replace it to avoid real waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Duration poll;
    private final Sleeper sleeper;

    RolloutWatcher(Clock clock, Duration poll, Sleeper sleeper) {
        this.clock = clock;
        this.poll = poll;
        this.sleeper = sleeper;
    }

    /** Empty when the rollout completed within the timeout, otherwise the reason it did not. */
    Optional<String> await(KubernetesClient client, String namespace, String name, String operationKey,
                           Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
            if (deployment == null) {
                return Optional.of("The Deployment " + namespace + "/" + name + " disappeared during the rollout.");
            }
            if (complete(deployment)) {
                return Optional.empty();
            }
            Optional<String> failed = observed(deployment) ? progressFailed(deployment) : Optional.empty();
            if (failed.isPresent() || !clock.instant().isBefore(deadline)) {
                return Optional.of(failed.orElse("The rollout did not complete within " + timeout.toSeconds()
                        + " seconds (" + progress(deployment) + ").") + podReasons(client, namespace, operationKey));
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                // the server is stopping; the caller rolls back like on a timeout (flag kept clear on
                // purpose, as in the simulated driver: the worker still has to record the outcome)
                return Optional.of("The server stopped while waiting for the rollout.");
            }
        }
    }

    /**
     * The controller has seen the latest spec. Before that, the status (and a
     * ProgressDeadlineExceeded left over from an earlier rollout) describes the old one.
     */
    private static boolean observed(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
        return status != null && Objects.requireNonNullElse(status.getObservedGeneration(), 0L) >= generation;
    }

    static boolean complete(Deployment deployment) {
        if (!observed(deployment)) {
            return false;
        }
        DeploymentStatus status = deployment.getStatus();
        int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int total = Objects.requireNonNullElse(status.getReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        return updated >= wanted && total <= updated && available >= wanted;
    }

    static String progress(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        return Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) + " of "
                + Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1) + " replicas updated, "
                + Objects.requireNonNullElse(status.getAvailableReplicas(), 0) + " available";
    }

    private static Optional<String> progressFailed(Deployment deployment) {
        if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (DeploymentCondition c : deployment.getStatus().getConditions()) {
            if ("Progressing".equals(c.getType()) && "False".equals(c.getStatus())) {
                return Optional.of("The rollout stopped progressing: " + c.getReason()
                        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")") + ".");
            }
        }
        return Optional.empty();
    }

    /** Why the new pods are not ready: waiting/terminated container reasons and false pod conditions. */
    static String podReasons(KubernetesClient client, String namespace, String operationKey) {
        if (operationKey == null) {
            return "";
        }
        List<Pod> pods = client.pods().inNamespace(namespace)
                .withLabel(ManifestRenderer.OPERATION, operationKey).list().getItems();
        Set<String> reasons = new LinkedHashSet<>();
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
            for (ContainerStatus s : statuses) {
                if (s.getState() != null && s.getState().getWaiting() != null) {
                    reasons.add("container " + s.getName() + " waiting: " + s.getState().getWaiting().getReason()
                            + message(s.getState().getWaiting().getMessage()));
                }
                if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
                    reasons.add("container " + s.getName() + " exited with code "
                            + s.getLastState().getTerminated().getExitCode() + ": "
                            + s.getLastState().getTerminated().getReason());
                }
            }
            if (pod.getStatus().getConditions() != null) {
                for (PodCondition c : pod.getStatus().getConditions()) {
                    if ("False".equals(c.getStatus()) && c.getReason() != null) {
                        reasons.add("pod " + c.getType() + ": " + c.getReason() + message(c.getMessage()));
                    }
                }
            }
        }
        return reasons.isEmpty() ? "" : " New pods: " + String.join("; ", reasons) + ".";
    }

    private static String message(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }
}
