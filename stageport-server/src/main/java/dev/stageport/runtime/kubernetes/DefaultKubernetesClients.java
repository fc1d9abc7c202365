package dev.stageport.runtime.kubernetes;

import dev.stageport.runtime.RuntimeFailure;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One client per (kubeconfig, context), reused across operations. Without a
 * {@code kubeconfig} setting fabric8 configures itself: KUBECONFIG, ~/.kube/config,
 * or the pod's service account when the server runs inside the cluster. Building a
 * client contacts no cluster, so a stage that is never deployed to costs nothing.
 */
@Component
class DefaultKubernetesClients implements KubernetesClients {

    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

    @Override
    public KubernetesClient client(KubernetesSettings settings) {
        String key = settings.kubeconfig() + "|" + settings.context();
        return clients.computeIfAbsent(key, k -> new KubernetesClientBuilder().withConfig(config(settings)).build());
    }

    private static Config config(KubernetesSettings settings) {
        if (settings.kubeconfig() == null) {
            return Config.autoConfigure(settings.context());
        }
        Path path = Path.of(settings.kubeconfig());
        try {
            return Config.fromKubeconfig(settings.context(), Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new RuntimeFailure("The kubeconfig file " + path + " named in the stage settings cannot be read: "
                    + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        clients.values().forEach(KubernetesClient::close);
    }
}
