package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.RateLimitedServerTest;
import org.junit.jupiter.api.Test;

/** The limits on the rate-limited server: 6 requests per domain and minute, 2 POSTs per endpoint. */
class RateLimitTest extends RateLimitedServerTest {

    @Test
    void domainPoolRunsOutWith429ProblemAndRetryAfter() {
        for (int i = 0; i < DOMAIN_PER_MINUTE; i++) {
            assertThat(api.get("/api/builds/v1/build-operations/" + java.util.UUID.randomUUID()).status())
                    .isEqualTo(404);
        }
        Api.Response refused = api.get("/api/builds/v1/build-operations");
        refused.problem(429);
        assertThat(refused.json().get("detail").asString()).contains("'builds'");
        assertThat(api.get("/api/portfolios/v1/environments").status()).as("other domains have their own pool")
                .isEqualTo(200);
    }

    @Test
    void postsOnDeploymentsHaveTheirOwnSmallerPoolPerEndpoint() {
        String body = "{\"operation\": \"Deploy\"}";
        api.post("/api/deployments/v1/deployment-operations", body);
        api.post("/api/deployments/v1/deployment-operations", body);
        api.post("/api/deployments/v1/deployment-operations", body).problem(429);
        assertThat(api.get("/api/deployments/v1/deployment-operations").status()).isNotEqualTo(429);
    }

    @Test
    void retryAfterPointsAtTheEndOfTheWindow() throws Exception {
        for (int i = 0; i < DOMAIN_PER_MINUTE; i++) {
            api.get("/api/asset-repository/v1/assets?limit=1");
        }
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/api/asset-repository/v1/assets"))
                .header("Authorization", "Bearer " + api.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        dev.stageport.support.OdcContract.verify(response, response.body());
        assertThat(response.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
    }
}
