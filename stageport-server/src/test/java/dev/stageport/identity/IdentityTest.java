package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityTest extends ServerTest {

    @Test
    void discoveryDocumentLivesUnderIdentityAndNamesTheTokenEndpoint() {
        JsonNode doc = new Api(baseUrl()).get("/identity/.well-known/openid-configuration").json();
        assertThat(doc.get("issuer").asString()).isEqualTo(baseUrl() + "/identity");
        assertThat(doc.get("token_endpoint").asString()).isEqualTo(baseUrl() + "/identity/oauth2/token");
        assertThat(doc.get("jwks_uri").asString()).isEqualTo(baseUrl() + "/identity/oauth2/jwks");
        assertThat(doc.get("grant_types_supported").toString()).contains("client_credentials");
    }

    @Test
    void tokenWithFormCredentialsIsABearerJwtForTwelveHours() {
        Api.Response r = new Api(baseUrl()).form("/identity/oauth2/token",
                "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET);
        assertThat(r.status()).isEqualTo(200);
        JsonNode token = r.json();
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(43200);
        assertThat(token.get("access_token").asString().split("\\.")).hasSize(3);
    }

    @Test
    void tokenWithWrongSecretIsRefused() {
        Api.Response r = new Api(baseUrl()).form("/identity/oauth2/token",
                "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=wrong");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void apiWithoutTokenThen401Problem() {
        new Api(baseUrl()).get("/api/portfolios/v1/environments").problem(401);
    }

    @Test
    void apiWithMalformedTokenThen401Problem() {
        api.withToken("not-a-jwt").get("/api/portfolios/v1/environments").problem(401);
    }

    @Test
    void apiWithTamperedSignatureThen401Problem() {
        String[] parts = api.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        api.withToken(forged).get("/api/portfolios/v1/environments").problem(401);
    }

    @Test
    void copiedPathWithoutApiPrefixThen404NamingTheRightPath() {
        JsonNode problem = api.get("/deployments/v1/deployment-operations/" + java.util.UUID.randomUUID())
                .problem(404);
        assertThat(problem.get("detail").asString()).contains("/api/deployments/v1/deployment-operations/");
    }
}
