package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uses the API-client endpoint as the POST under test: each success creates something new. */
class IdempotencyTest extends ServerTest {

    private static final String CLIENTS = "/api/stageport/v1/api-clients";

    @Test
    void sameKeyAndBodyReturnsTheFirstAnswerWithoutDoingTheWorkAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(key, "{\"name\": \"idempotent\"}");
        HttpResponse<String> second = post(key, "{\"name\": \"idempotent\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        long created = api.get(CLIENTS).json().get("results").valueStream()
                .filter(c -> c.get("name").asString().equals("idempotent")).count();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyThen422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, "{\"name\": \"one\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> reused = post(key, "{\"name\": \"two\"}");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void keysAreScopedToTheApiClient() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, "{\"name\": \"mine\"}").statusCode()).isEqualTo(201);
        Api other = clientWith(everywhere(Permission.MANAGE_API_CLIENTS));
        HttpResponse<String> theirs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + CLIENTS)).header("Authorization", "Bearer " + other.token())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"theirs\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        dev.stageport.support.OdcContract.verify(theirs, theirs.body());
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.body()).contains("theirs");
    }

    @Test
    void rejectedRequestsAreRememberedTooButNotServerErrors() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, "{}").statusCode()).isEqualTo(400);
        assertThat(post(key, "{}").statusCode()).isEqualTo(400);
        assertThat(post("", "{\"name\": \"x\"}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + CLIENTS))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
