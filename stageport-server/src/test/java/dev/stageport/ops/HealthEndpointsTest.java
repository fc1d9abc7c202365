package dev.stageport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/** The probes and the scrape answer without a token: orchestrators and Prometheus hold none. */
class HealthEndpointsTest extends ServerTest {

    @Autowired
    HealthEndpointGroups groups;

    private Api anonymous() {
        return new Api(baseUrl());
    }

    @Test
    void healthAnswersUpAsJsonWithoutAToken() {
        Api.Response r = anonymous().get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("json");
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessProbesAnswerUpWithoutAToken() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Api.Response r = anonymous().get(probe);
            assertThat(r.status()).as(probe).isEqualTo(200);
            assertThat(r.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void readinessDependsOnTheDatabaseButLivenessDoesNot() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).as("a slow database must not get the pod killed")
                .isFalse();
    }

    @Test
    void healthRevealsNoComponentDetails() {
        assertThat(anonymous().get("/actuator/health").json().has("components")).isFalse();
    }

    @Test
    void prometheusScrapeIsPlainTextWithoutAToken() {
        Api.Response r = anonymous().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).contains("stageport_queue_depth", "stageport_queue_oldest_age_seconds");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics"}) {
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(404);
        }
    }
}
