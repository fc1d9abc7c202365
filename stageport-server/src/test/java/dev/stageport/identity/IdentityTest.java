package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

class IdentityTest extends ServerTest {

    @Autowired
    JWKSource<SecurityContext> serverKeys;

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

    @Test
    void apiWithExpiredTokenSignedByTheServerThen401Problem() {
        Instant issued = Instant.now().minus(13, ChronoUnit.HOURS);
        String expired = sign(serverKeys, issued, issued.plus(12, ChronoUnit.HOURS));
        api.withToken(expired).get("/api/portfolios/v1/environments").problem(401);
    }

    @Test
    void apiWithTokenSignedByAnotherKeyThen401Problem() throws Exception {
        JWKSource<SecurityContext> foreign = new ImmutableJWKSet<>(new JWKSet(new RSAKeyGenerator(2048).keyID("x")
                .generate()));
        Instant now = Instant.now();
        api.withToken(sign(foreign, now, now.plus(1, ChronoUnit.HOURS))).get("/api/portfolios/v1/environments")
                .problem(401);
    }

    @Test
    void selfMintedTokenWithTheServerKeyIsAcceptedSoTheRefusalsAboveAreAboutExpiryAndKey() {
        Instant now = Instant.now();
        assertThat(api.withToken(sign(serverKeys, now, now.plus(1, ChronoUnit.HOURS)))
                .get("/api/portfolios/v1/environments").status()).isEqualTo(200);
    }

    @Test
    void aRefusalNamesAStageTheCallerMayViewAndGivesOnlyTheKeyOfOneItMayNot() {
        Api qaViewer = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.QA)));
        JsonNode onQa = qaViewer.post(OPERATIONS, deploy(DemoData.QA)).problem(403);
        assertThat(onQa.get("detail").asString()).isEqualTo("The API client '" + decodeSubject(qaViewer.token())
                + "' lacks the permission 'Release management > Deploy apps' on the stage 'QA' (" + DemoData.QA + ").");

        JsonNode onProduction = qaViewer.post(OPERATIONS, deploy(DemoData.PRODUCTION)).problem(403);
        assertThat(onProduction.get("detail").asString()).endsWith("on the stage " + DemoData.PRODUCTION
                + " (not found or not permitted).").doesNotContain("'Production'");
    }

    @Test
    void anUnknownStageIsNotFoundOrNotPermittedInTheSameWordsEverywhere() {
        String unknown = "d0000000-0000-4000-8000-00000000ffff";
        Api deployer = clientWith(everywhere(Permission.DEPLOY_APPS, Permission.STAGE_VIEW));
        String expected = "No stage with key " + unknown + ": not found or not permitted.";
        assertThat(deployer.post(OPERATIONS, deploy(unknown)).problem(404).get("detail").asString())
                .isEqualTo(expected);
        assertThat(deployer.get("/api/stageport/v1/environments/" + unknown + "/policy").problem(404)
                .get("detail").asString()).isEqualTo(expected);
    }

    private static final String OPERATIONS = "/api/deployments/v1/deployment-operations";

    private static String deploy(String stage) {
        return "{\"operation\":\"Deploy\",\"assetKey\":\"a0000000-0000-4000-8000-000000000001\","
                + "\"buildKey\":\"b0000000-0000-4000-8000-000000000001\",\"revision\":1,\"environmentKey\":\""
                + stage + "\"}";
    }

    @Test
    void suspendedClientGetsNoTokenAndItsTokensStopWorking() {
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        assertThat(client.get("/api/portfolios/v1/environments").status()).isEqualTo(200);
        String id = decodeSubject(client.token());
        ApiClient current = clients.find(id).orElseThrow();
        clients.upsert(new ApiClient(id, current.name(), null, current.secretHash(), current.secretExpiresAt(),
                ApiClient.Status.SUSPENDED, current.createdAt()), Map.of());
        callers.forget(id);
        client.get("/api/portfolios/v1/environments").problem(401);
    }

    @Test
    void clientWithExpiredSecretGetsNoToken() {
        String secret = secrets.generate();
        Instant now = Instant.now();
        clients.upsert(new ApiClient("expired-client", "expired", null, secrets.hash(secret),
                now.minus(1, ChronoUnit.DAYS), ApiClient.Status.ACTIVE, now.minus(90, ChronoUnit.DAYS)),
                Map.of(Permission.STAGE_VIEW, Set.of(Caller.EVERY_STAGE)));
        Api.Response r = new Api(baseUrl()).form("/identity/oauth2/token",
                "grant_type=client_credentials&client_id=expired-client&client_secret=" + secret);
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void basicAuthenticationAtTheTokenEndpointWorksToo() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes());
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/identity/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"expires_in\":43200");
    }

    @Autowired
    CallerDirectory callers;

    private static String decodeSubject(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return Api.JSON.readTree(payload).get("sub").asString();
    }

    private static String sign(JWKSource<SecurityContext> keys, Instant issued, Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(CLIENT_ID).issuedAt(issued).notBefore(issued)
                .expiresAt(expires).build();
        return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
