package dev.stageport.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the ODC APIs that works against Stageport or an ODC tenant:
 * bearer tokens from a {@link TokenSource}, JSON requests, retries of 429 / 502 /
 * 503 / 504 that honour Retry-After, paging, and
 * errors surfaced as {@link OdcException} carrying the ProblemDetails the server
 * sent. A JSON POST carries one {@code Idempotency-Key} over all its attempts, so a
 * retried Deploy never starts twice.
 */
public final class OdcClient {

    /**
     * The one mapper of a client process, made at first use: each one built costs a CLI run milliseconds
     * of start-up, so answers are read with {@link JsonTrees} and only binding or writing objects needs it.
     */
    public static JsonMapper json() {
        return Mapper.JSON;
    }

    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder().build();
    }

    /** Waits between retries; tests replace it. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Told before each wait to retry, so a person sees why nothing happens for a while. */
    public interface RetryNotice {
        void waiting(String why, Duration delay);
    }

    private final String baseUrl;
    private final TokenSource tokens;
    private final HttpClient http;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final RetryNotice notice;

    public OdcClient(String baseUrl, TokenSource tokens) {
        this(baseUrl, tokens, HttpClients.forUrl(baseUrl), 5, d -> Thread.sleep(d.toMillis()));
    }

    public OdcClient(String baseUrl, String clientId, String clientSecret) {
        this(baseUrl, TokenSource.clientCredentials(baseUrl, clientId, clientSecret));
    }

    OdcClient(String baseUrl, TokenSource tokens, HttpClient http, int maxAttempts, Sleeper sleeper) {
        this(baseUrl, tokens, http, maxAttempts, sleeper, (why, delay) -> { });
    }

    private OdcClient(String baseUrl, TokenSource tokens, HttpClient http, int maxAttempts, Sleeper sleeper,
                      RetryNotice notice) {
        this.baseUrl = Http.trimSlash(baseUrl);
        this.tokens = tokens;
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.notice = notice;
    }

    /** The same client, telling {@code notice} before it waits to retry. */
    public OdcClient withRetryNotice(RetryNotice notice) {
        return new OdcClient(baseUrl, tokens, http, maxAttempts, sleeper, notice);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public TokenSource tokens() {
        return tokens;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Converts JSON to one of the typed records. */
    public static <T> T read(JsonNode node, Class<T> type) {
        return json().treeToValue(node, type);
    }

    /**
     * Every item of a list endpoint that pages with limit/offset and answers
     * {@code {page: {nextPageOffset}, results: [...]}}, fetched page by page as the stream is read.
     */
    public Stream<JsonNode> list(String path) {
        Iterator<JsonNode> items = new Iterator<>() {
            private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
            private String nextOffset = "0";

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && nextOffset != null) {
                    JsonNode body = get(path + (path.contains("?") ? "&" : "?") + "offset=" + nextOffset);
                    page = body.path("results").iterator();
                    JsonNode next = body.path("page").path("nextPageOffset");
                    nextOffset = next.isMissingNode() || next.isNull() ? null : next.asString();
                }
                return page.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, 0), false);
    }

    /**
     * POSTs a file as {@code multipart/form-data}: the file as part {@code filePart}, each of
     * {@code jsonParts} as a JSON part (the asset repository's bundle upload). The file is
     * streamed from disk, never read into memory.
     */
    public JsonNode postFile(String path, String filePart, Path file, Map<String, Object> jsonParts) {
        String boundary = "stageport-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        jsonParts.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n")
                .append("Content-Type: application/json\r\n\r\n")
                .append(json().writeValueAsString(value)).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(filePart).append("\"; filename=\"")
                .append(file.getFileName()).append("\"\r\n")
                .append("Content-Type: application/zip\r\n\r\n");
        HttpRequest.BodyPublisher fileBody;
        try {
            fileBody = HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new OdcException(0, "cannot read " + file, null);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head.toString()), fileBody,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    private JsonNode send(String method, String path, Object body) {
        if (body == null) {
            return send(method, path, null, HttpRequest.BodyPublishers.noBody());
        }
        return send(method, path, "application/json", HttpRequest.BodyPublishers.ofString(
                json().writeValueAsString(body)), method.equals("POST") ? UUID.randomUUID().toString() : null);
    }

    private JsonNode send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(method, path, contentType, body, null);
    }

    private JsonNode send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                          String idempotencyKey) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + tokens.token());
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            request.method(method, body);
            // an unreachable server fails at once: a one-shot command says so, and waits ride it out themselves
            HttpResponse<String> response = Http.send(http, request, baseUrl);
            int status = response.statusCode();
            if (retried(status) && attempt < maxAttempts) {
                Duration delay = Backoff.delay(attempt, retryAfter(response).orElse(null),
                        ThreadLocalRandom.current().nextDouble());
                notice.waiting("the server answered " + status + (status == 429 ? " (too many requests)" : ""),
                        delay);
                pause(delay);
                continue;
            }
            if (status == 401 && attempt == 1) {
                tokens.invalidate();
                continue;
            }
            return Http.body(response);
        }
    }

    /** Answers that say "not now": rate limits, and a server restarting behind a proxy. */
    static boolean retried(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdcException(0, "Interrupted while waiting to retry", null);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Shared HTTP plumbing for the client and the token source. */
    static final class Http {
        private Http() {
        }

        static String trimSlash(String url) {
            return url.replaceAll("/+$", "");
        }

        static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String baseUrl) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new OdcException(0, "cannot reach " + baseUrl + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OdcException(0, "interrupted", null);
            }
        }

        static JsonNode body(HttpResponse<String> response) {
            JsonNode body = response.body() == null || response.body().isBlank() ? null : parse(response.body());
            if (response.statusCode() >= 400) {
                throw OdcException.from(response.statusCode(), body);
            }
            return body;
        }

        private static JsonNode parse(String text) {
            try {
                return JsonTrees.read(text);
            } catch (RuntimeException e) {
                return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text);
            }
        }
    }
}
