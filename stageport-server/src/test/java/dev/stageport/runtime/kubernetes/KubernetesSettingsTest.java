package dev.stageport.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {

    private static final String URL = "\"stageportUrl\": \"http://stageport.tools.svc:8080\"";

    @Test
    void minimalSettingsTakeTheDocumentedDefaults() {
        KubernetesSettings s = KubernetesSettings.parse("{\"namespace\": \"stageport-qa\", " + URL + "}");
        assertThat(s.namespace()).isEqualTo("stageport-qa");
        assertThat(s.image()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(s.initImage()).isEqualTo("busybox:1.36");
        assertThat(s.rolloutTimeoutSeconds()).isEqualTo(120);
        assertThat(s.replicas()).isEqualTo(1);
        assertThat(s.containerPort()).isEqualTo(8080);
        assertThat(s.credentialsSecret()).isEqualTo("stageport-artifact-reader");
        assertThat(s.kubeconfig()).isNull();
        assertThat(s.context()).isNull();
    }

    @Test
    void everyKeyIsRead() {
        KubernetesSettings s = KubernetesSettings.parse("""
                {"namespace": "prod", "image": "eclipse-temurin:21-jre", "initImage": "busybox:1.37",
                 "stageportUrl": "https://stageport.example.com", "credentialsSecret": "reader",
                 "rolloutTimeoutSeconds": 300, "replicas": 3, "containerPort": 9000,
                 "kubeconfig": "/etc/stageport/kubeconfig", "context": "prod-cluster"}""");
        assertThat(s).isEqualTo(new KubernetesSettings("prod", "eclipse-temurin:21-jre", "busybox:1.37",
                "https://stageport.example.com", "reader", 300, 3, 9000, "/etc/stageport/kubeconfig",
                "prod-cluster"));
    }

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> KubernetesSettings.parse("{\"namespace\": \"qa\", " + URL + ", \"replica\": 2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown keys [replica]");
    }

    @Test
    void badValuesAreAllNamedAtOnce() {
        assertThatThrownBy(() -> KubernetesSettings.parse("""
                {"namespace": "Stageport_QA", "stageportUrl": "ftp://x", "rolloutTimeoutSeconds": 0,
                 "replicas": "two", "image": ""}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'namespace' must be a Kubernetes namespace name")
                .hasMessageContaining("'stageportUrl' must be an http or https URL")
                .hasMessageContaining("'rolloutTimeoutSeconds' must be a whole number from 1 to 3600")
                .hasMessageContaining("'replicas' must be a whole number from 1 to 50")
                .hasMessageContaining("'image' must be a non-empty string");
    }

    @Test
    void missingNamespaceAndUrlAndNonObjectsAreRefused() {
        assertThatThrownBy(() -> KubernetesSettings.parse("{}")).hasMessageContaining("'namespace' is required")
                .hasMessageContaining("'stageportUrl' is required");
        assertThatThrownBy(() -> KubernetesSettings.parse("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> KubernetesSettings.parse("{nope")).hasMessageContaining("not valid JSON");
    }
}
