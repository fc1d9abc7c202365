package dev.stageport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: real requests, real tokens, JSON as trees. Every answer of an
 * ODC path is checked against the official document ({@link OdcContract}).
 */
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private String token;

    public Api(String base) {
        this.base = base;
    }

    public String token() {
        return token;
    }

    public Api withToken(String token) {
        Api copy = new Api(base);
        copy.token = token;
        return copy;
    }

    public void login(String clientId, String secret) {
        Response r = form("/identity/oauth2/token", "grant_type=client_credentials&client_id="
                + enc(clientId) + "&client_secret=" + enc(secret));
        assertThat(r.status()).as("token endpoint: %s", r.body()).isEqualTo(200);
        token = r.json().get("access_token").asString();
    }

    public Response form(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(authorized(path).GET());
    }

    public Response post(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON request with extra headers (name, value, ...), answered with its headers, e.g. Retry-After. */
    public HttpResponse<String> withHeaders(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = authorized(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with a raw body of any content type, e.g. a bundle zip as application/octet-stream. */
    public Response send(String method, String path, String contentType, byte[] body) {
        return send(authorized(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POST /assets with the bundle as the whole body. */
    public Response uploadBundle(byte[] zip) {
        return send("POST", "/api/asset-repository/v1/assets", "application/octet-stream", zip);
    }

    public Response delete(String path) {
        return send(authorized(path).DELETE());
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OdcContract.verify(response, response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts the body is a ProblemDetails with this status and returns it. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.hasNonNull("title")).isTrue();
            assertThat(problem.hasNonNull("detail")).isTrue();
            assertThat(problem.hasNonNull("traceId")).isTrue();
            assertThat(problem.hasNonNull("errorCode")).isTrue();
            return problem;
        }
    }
}
