package dev.stageport.webhooks;

import dev.stageport.secrets.SecretCipher;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * One signed POST of a delivery. Redirects are not followed (a redirect could lead to an
 * address the URL check refuses); only a 2xx answer counts as delivered.
 */
@Component
class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Built at the first delivery, not while the server starts (docs/benchmarks.md, "Start-up profile"). */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    private final WebhookAddresses addresses;
    private final SecretCipher cipher;
    private final Clock clock;

    WebhookSender(WebhookAddresses addresses, SecretCipher cipher, Clock clock) {
        this.addresses = addresses;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The attempt's outcome; empty when the worker was interrupted (the server stops): nothing to record. */
    Optional<DeliveryAttempt> send(Webhook hook, Delivery delivery, int attempt) {
        Instant start = clock.instant();
        Optional<String> refusal = addresses.refusal(hook.url());
        if (refusal.isPresent()) {
            return Optional.of(failed(delivery, attempt, start, refusal.get()));
        }
        HttpRequest request;
        try {
            request = request(hook, delivery, start);
        } catch (IllegalArgumentException e) {
            return Optional.of(failed(delivery, attempt, start, "The URL cannot be called: " + e.getMessage()));
        }
        try {
            HttpResponse<InputStream> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = excerpt(new String(body.readNBytes(DeliveryAttempt.EXCERPT_CHARS * 4),
                        StandardCharsets.UTF_8));
            }
            return Optional.of(new DeliveryAttempt(delivery.id(), attempt, start, response.statusCode(),
                    elapsed(start), excerpt, null));
        } catch (IOException e) {
            return Optional.of(new DeliveryAttempt(delivery.id(), attempt, start, null, elapsed(start), null,
                    excerpt(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest request(Webhook hook, Delivery delivery, Instant start) {
        return HttpRequest.newBuilder(URI.create(hook.url())).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stageport-Webhooks")
                .header("Stageport-Delivery", delivery.id())
                .header("Stageport-Event", delivery.eventType())
                .header(WebhookSignature.HEADER, WebhookSignature.header(cipher.decryptText(hook.secretSealed()),
                        start.getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
    }

    private static DeliveryAttempt failed(Delivery delivery, int attempt, Instant start, String error) {
        return new DeliveryAttempt(delivery.id(), attempt, start, null, 0, null, excerpt(error));
    }

    private long elapsed(Instant start) {
        return Math.max(0, Duration.between(start, clock.instant()).toMillis());
    }

    private static String excerpt(String text) {
        return text.length() <= DeliveryAttempt.EXCERPT_CHARS ? text
                : text.substring(0, DeliveryAttempt.EXCERPT_CHARS);
    }
}
