package dev.stageport.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Where bearer tokens come from. */
public interface TokenSource {

    /** Refresh a token this long before it expires. */
    Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    String token();

    /** The server refused the token: forget it so the next call gets a fresh one (if it can). */
    default void invalidate() {
    }

    /** A token obtained elsewhere (for example the CLI's token cache). */
    static TokenSource fixed(String token) {
        return () -> token;
    }

    /** Discovery, then client credentials; cached until {@link #REFRESH_MARGIN} before it expires. */
    static ClientCredentials clientCredentials(String baseUrl, String clientId, String clientSecret) {
        return new ClientCredentials(OdcClient.Http.trimSlash(baseUrl), clientId, clientSecret,
                HttpClients.forUrl(baseUrl), Clock.systemUTC());
    }

    final class ClientCredentials implements TokenSource {
        private final String baseUrl;
        private final String clientId;
        private final String clientSecret;
        private final HttpClient http;
        private final Clock clock;
        private String token;
        private Instant expiresAt = Instant.MIN;

        ClientCredentials(String baseUrl, String clientId, String clientSecret, HttpClient http, Clock clock) {
            this.baseUrl = baseUrl;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.http = http;
            this.clock = clock;
        }

        @Override
        public synchronized String token() {
            if (token == null || !clock.instant().isBefore(expiresAt.minus(REFRESH_MARGIN))) {
                JsonNode discovery = OdcClient.Http.body(OdcClient.Http.send(http, HttpRequest.newBuilder(
                        URI.create(baseUrl + "/identity/.well-known/openid-configuration")).GET(), baseUrl));
                String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                        + "&client_secret=" + encode(clientSecret);
                JsonNode response = OdcClient.Http.body(OdcClient.Http.send(http, HttpRequest.newBuilder(
                                URI.create(discovery.get("token_endpoint").asString()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)), baseUrl));
                token = response.get("access_token").asString();
                expiresAt = clock.instant().plusSeconds(response.path("expires_in").asLong(3600));
            }
            return token;
        }

        /** When the current token expires (Instant.MIN before the first). */
        public synchronized Instant expiresAt() {
            return expiresAt;
        }

        @Override
        public synchronized void invalidate() {
            token = null;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
