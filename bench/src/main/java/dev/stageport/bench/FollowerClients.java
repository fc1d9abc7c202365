package dev.stageport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of waiting followers from one process without a thread each: java.net.http
 * keeps every connection on its selector thread and hands the few events to a small pool.
 * A follower records the time from the operation's finishedDateTime to the moment it knew.
 */
final class FollowerClients implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final String token;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().executor(pool)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
            .build();
    final ConcurrentLinkedQueue<Double> streamed = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Double> longPolled = new ConcurrentLinkedQueue<>();
    /** Streams whose first event (the Running status) arrived: the server holds them. */
    final AtomicInteger streamsOpen = new AtomicInteger();
    /** Long polls answered while the operation still ran (waitSeconds passed), asked again. */
    final AtomicInteger repolls = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();

    FollowerClients(String url, String token) {
        this.url = url;
        this.token = token;
    }

    int done() {
        return streamed.size() + longPolled.size() + failures.get();
    }

    void stream(String key) {
        HttpRequest request = request(PushLatency.OPS + "/" + key + "/events", "text/event-stream");
        StreamReader reader = new StreamReader();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(reader)).whenComplete((response, error) -> {
            if (error != null) {
                reader.onError(error);   // e.g. refused before any line arrived
            }
        });
    }

    void longPoll(String key) {
        http.sendAsync(request(PushLatency.OPS + "/" + key + "?waitSeconds=60", "application/json"),
                HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    Instant known = Instant.now();
                    if (error != null || response.statusCode() != 200) {
                        fail("long poll " + key + ": " + (error != null ? error : "HTTP " + response.statusCode()));
                        return;
                    }
                    JsonNode op = JSON.readTree(response.body());
                    if ("Running".equals(op.path("status").asString())) {
                        repolls.incrementAndGet();
                        longPoll(key);
                    } else {
                        record(longPolled, op, known);
                    }
                });
    }

    private HttpRequest request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept)
                .header("Authorization", "Bearer " + token).build();
    }

    private void record(ConcurrentLinkedQueue<Double> into, JsonNode op, Instant known) {
        if (!"Finished".equals(op.path("status").asString())) {
            fail("ended " + op.path("status").asString() + ": " + op.path("key").asString());
            return;
        }
        Instant finished = Instant.parse(op.path("finishedDateTime").asString());
        into.add(Duration.between(finished, known).toNanos() / 1_000_000.0);
    }

    private void fail(String what) {
        if (failures.incrementAndGet() <= 5) {
            failureSamples.add(what);
        }
    }

    /** Reads the event stream line by line; the status events carry the operation. */
    private final class StreamReader implements Flow.Subscriber<String> {
        private String event;
        private boolean opened;
        private boolean ended;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            Instant known = Instant.now();
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "status".equals(event)) {
                JsonNode op = JSON.readTree(line.substring(5));
                if (!opened) {
                    opened = true;
                    streamsOpen.incrementAndGet();
                }
                if (!"Running".equals(op.path("status").asString()) && !ended) {
                    ended = true;
                    record(streamed, op, known);
                }
            }
        }

        @Override
        public synchronized void onError(Throwable error) {
            if (!ended) {
                ended = true;
                fail("stream: " + error);
            }
        }

        @Override
        public synchronized void onComplete() {
            if (!ended) {
                ended = true;
                fail("stream closed before the operation ended");
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
