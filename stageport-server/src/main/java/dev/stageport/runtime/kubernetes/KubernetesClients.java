package dev.stageport.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Hands the driver a client for a stage's cluster; tests supply one bound to the mock API server. */
public interface KubernetesClients {

    KubernetesClient client(KubernetesSettings settings);
}
