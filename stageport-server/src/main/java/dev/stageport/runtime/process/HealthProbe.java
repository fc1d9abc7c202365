package dev.stageport.runtime.process;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Polls an instance's health path until it answers 2xx, the process exits, or the timeout passes. */
final class HealthProbe {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Clock clock;

    HealthProbe(Clock clock) {
        this.clock = clock;
    }

    /** Empty when healthy; otherwise why not. */
    Optional<String> await(ProcessInstance instance, String healthPath, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        URI uri = URI.create("http://127.0.0.1:" + instance.port() + healthPath);
        String last = "it never answered";
        while (true) {
            if (!instance.alive()) {
                return Optional.of("The app exited before it became healthy.");
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.of("The app did not answer GET " + healthPath + " with 2xx within "
                        + timeout.toSeconds() + " s (" + last + ").");
            }
            try {
                Duration perRequest = left.compareTo(Duration.ofSeconds(2)) < 0 ? left : Duration.ofSeconds(2);
                HttpResponse<Void> r = LoopbackHttp.client().send(HttpRequest.newBuilder(uri).timeout(perRequest).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return Optional.empty();
                }
                last = "last answer: HTTP " + r.statusCode();
            } catch (java.io.IOException e) {
                last = "last attempt: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return Optional.of("The server stopped while the health check ran.");
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return Optional.of("The server stopped while the health check ran.");
            }
        }
    }
}
