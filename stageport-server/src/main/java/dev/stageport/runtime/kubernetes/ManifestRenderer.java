package dev.stageport.runtime.kubernetes;

import dev.stageport.bundles.RunSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one asset's build and configuration into the objects the driver applies:
 * a ConfigMap and a Secret named after the configuration's digest, a Deployment whose
 * init container downloads the build artifact from Stageport, and a Service. Pure: no
 * cluster access, so the same output serves the driver and the review endpoint.
 */
final class ManifestRenderer {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String ASSET = "stageport.dev/asset";
    static final String REVISION = "stageport.dev/revision";
    static final String OPERATION = "stageport.dev/operation";
    static final String BUILD = "stageport.dev/build";
    static final String CONFIG_HASH = "stageport.dev/config-hash";
    static final String CONFIG_FILE_KEY = "config.json";
    static final String CONFIG_DIR = "/etc/stageport";
    static final String APP_DIR = "/app";

    /** What to run: the asset's build and the operation applying it (operationKey null when only reviewing). */
    record Target(String assetKey, int revision, String buildKey, String operationKey, String artifactDigest,
                  RunSpec runSpec) {
    }

    record Manifests(ConfigMap configMap, Secret secret, Deployment deployment, Service service) {

        List<Object> all() {
            return List.of(configMap, secret, deployment, service);
        }
    }

    private static final String FETCH_SCRIPT = """
            set -eu
            TOKEN=$(wget -qO- --header 'Content-Type: application/x-www-form-urlencoded' \\
              --post-data "grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}" \\
              "${STAGEPORT_URL}/identity/oauth2/token" | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p')
            test -n "$TOKEN"
            wget -qO /tmp/artifact.zip --header "Authorization: Bearer ${TOKEN}" \\
              "${STAGEPORT_URL}/api/stageport/v1/builds/${BUILD_KEY}/artifact"
            echo "${ARTIFACT_DIGEST#sha256:}  /tmp/artifact.zip" | sha256sum -c -
            unzip -oq /tmp/artifact.zip -d /app
            """;

    private ManifestRenderer() {
    }

    static String baseName(String assetKey) {
        return "app-" + assetKey;
    }

    static String configName(String assetKey, AppConfiguration config) {
        return baseName(assetKey) + "-" + config.hash();
    }

    static Map<String, String> selector(String assetKey) {
        return Map.of(ASSET, assetKey);
    }

    static Manifests render(KubernetesSettings settings, Target target, AppConfiguration config) {
        String configName = configName(target.assetKey(), config);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, "stageport");
        labels.put(ASSET, target.assetKey());
        Map<String, String> data = new LinkedHashMap<>(config.plainEnv());
        data.put(CONFIG_FILE_KEY, config.configJson());
        ConfigMap configMap = new ConfigMapBuilder().withNewMetadata().withName(configName)
                .withNamespace(settings.namespace()).withLabels(labels).endMetadata().withData(data).build();
        Secret secret = new SecretBuilder().withNewMetadata().withName(configName)
                .withNamespace(settings.namespace()).withLabels(labels).endMetadata()
                .withType("Opaque").withStringData(new LinkedHashMap<>(config.secretEnv())).build();
        return new Manifests(configMap, secret, deployment(settings, target, config, configName, labels),
                service(settings, target, labels));
    }

    private static Deployment deployment(KubernetesSettings settings, Target target, AppConfiguration config,
                                         String configName, Map<String, String> labels) {
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(REVISION, Integer.toString(target.revision()));
        if (target.operationKey() != null) {
            podLabels.put(OPERATION, target.operationKey());
        }
        return new DeploymentBuilder()
                .withNewMetadata().withName(baseName(target.assetKey())).withNamespace(settings.namespace())
                .withLabels(labels).addToAnnotations(REVISION, Integer.toString(target.revision()))
                .addToAnnotations(BUILD, target.buildKey()).endMetadata()
                .withNewSpec()
                .withReplicas(settings.replicas())
                .withProgressDeadlineSeconds(settings.rolloutTimeoutSeconds())
                .withRevisionHistoryLimit(3)
                .withNewSelector().withMatchLabels(selector(target.assetKey())).endSelector()
                // surge one new pod before an old one goes: the old ReplicaSet serves until the new one is ready
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels).addToAnnotations(CONFIG_HASH, config.hash())
                .addToAnnotations(BUILD, target.buildKey()).endMetadata()
                .withNewSpec()
                .addNewVolume().withName("app").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("config").withNewConfigMap().withName(configName)
                .addNewItem().withKey(CONFIG_FILE_KEY).withPath(CONFIG_FILE_KEY).endItem().endConfigMap().endVolume()
                .withInitContainers(fetch(settings, target))
                .withContainers(app(settings, target, config, configName))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container fetch(KubernetesSettings settings, Target target) {
        return new ContainerBuilder().withName("fetch-artifact").withImage(settings.initImage())
                .withCommand("sh", "-c", FETCH_SCRIPT)
                .addToEnv(env("STAGEPORT_URL", settings.stageportUrl()), env("BUILD_KEY", target.buildKey()),
                        env("ARTIFACT_DIGEST", target.artifactDigest()),
                        secretRef("CLIENT_ID", settings.credentialsSecret(), "clientId"),
                        secretRef("CLIENT_SECRET", settings.credentialsSecret(), "clientSecret"))
                .addNewVolumeMount().withName("app").withMountPath(APP_DIR).endVolumeMount()
                .build();
    }

    private static Container app(KubernetesSettings settings, Target target, AppConfiguration config,
                                 String configName) {
        List<EnvVar> env = new ArrayList<>();
        env.add(env(target.runSpec().portVariable(), Integer.toString(settings.containerPort())));
        env.add(env("STAGEPORT_CONFIG_FILE", CONFIG_DIR + "/" + CONFIG_FILE_KEY));
        config.plainEnv().keySet().stream().sorted().forEach(name -> env.add(new EnvVarBuilder().withName(name)
                .withNewValueFrom().withNewConfigMapKeyRef(name, configName, false).endValueFrom().build()));
        config.secretEnv().keySet().stream().sorted().forEach(name -> {
            env.add(secretRef(name, configName, name));
            env.add(env(AppConfiguration.SECRET_FLAG_PREFIX + name.substring(AppConfiguration.SETTING_PREFIX.length()),
                    "1"));
        });
        return new ContainerBuilder().withName("app").withImage(settings.image()).withWorkingDir(APP_DIR)
                .withCommand(target.runSpec().command())
                .withEnv(env)
                .addNewPort().withName("http").withContainerPort(settings.containerPort()).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath(target.runSpec().healthPath())
                .withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(3).endReadinessProbe()
                .addNewVolumeMount().withName("app").withMountPath(APP_DIR).endVolumeMount()
                .addNewVolumeMount().withName("config").withMountPath(CONFIG_DIR).withReadOnly(true).endVolumeMount()
                .build();
    }

    private static Service service(KubernetesSettings settings, Target target, Map<String, String> labels) {
        return new ServiceBuilder().withNewMetadata().withName(baseName(target.assetKey()))
                .withNamespace(settings.namespace()).withLabels(labels).endMetadata()
                .withNewSpec().withSelector(selector(target.assetKey()))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec().build();
    }

    private static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar secretRef(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef(key, secret, false)
                .endValueFrom().build();
    }
}
