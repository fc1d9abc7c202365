package dev.stageport.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the ODC APIs that works against Stageport or an ODC tenant:
 * discovery, client-credentials token (cached until shortly before it expires),
 * JSON requests, and errors surfaced as {@link OdcException} carrying the
 * ProblemDetails the server sent.
 */
public final class OdcClient {

    /** Refresh a token this long before the server says it expires. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant tokenRefreshAt = Instant.MIN;

    public OdcClient(String baseUrl, String clientId, String clientSecret) {
        this(baseUrl, clientId, clientSecret, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC());
    }

    OdcClient(String baseUrl, String clientId, String clientSecret, HttpClient http, Clock clock) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
    }

    public JsonNode get(String path) {
        return exchange(request(path).GET());
    }

    public JsonNode post(String path, Object body) {
        return exchange(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public JsonNode patch(String path, Object body) {
        return exchange(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A bearer token, fetched through the discovery document when none is cached or it nears expiry. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(tokenRefreshAt)) {
            JsonNode discovery = exchange(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/identity/.well-known/openid-configuration")).GET());
            String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                    + "&client_secret=" + encode(clientSecret);
            JsonNode response = exchange(HttpRequest.newBuilder(URI.create(discovery.get("token_endpoint").asString()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            token = response.get("access_token").asString();
            long lifetime = response.path("expires_in").asLong(3600);
            tokenRefreshAt = clock.instant().plusSeconds(lifetime).minus(REFRESH_MARGIN);
        }
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token());
    }

    private JsonNode exchange(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OdcException(0, "Cannot reach " + baseUrl + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdcException(0, "Interrupted", null);
        }
        JsonNode body = response.body().isBlank() ? null : parse(response.body());
        if (response.statusCode() >= 400) {
            throw OdcException.from(response.statusCode(), body);
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
