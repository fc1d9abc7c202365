package dev.stageport.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Waits for a deployment (or publish) operation to end. Against Stageport it
 * follows the server-sent event stream, so the end is known as it happens;
 * against a server without one (ODC itself) it polls on the docs' schedule,
 * reading new messages as it goes. A server that restarts (unreachable, or 502 /
 * 503 / 504 from a proxy in front of it) does not end the wait: the watcher says so
 * once, tries again with backoff until the timeout, and says when it is back.
 */
public final class OperationWatcher {

    /** Told about every status and message as they arrive. */
    public interface Listener {
        void status(JsonNode operation);

        void message(JsonNode message);

        /** The server stopped answering ({@code reachable} false, with why) or answers again. */
        default void connection(boolean reachable, String detail) {
        }
    }

    /** The operation did not end within the timeout. */
    public static final class WaitTimeout extends RuntimeException {
        public WaitTimeout(String message) {
            super(message);
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "stageport-wait-deadline");
                thread.setDaemon(true);
                return thread;
            });

    private final OdcClient client;
    private final PollSchedule schedule;
    private final OdcClient.Sleeper sleeper;
    private final Clock clock;
    private final boolean usePush;

    public OperationWatcher(OdcClient client, PollSchedule schedule, boolean usePush) {
        this(client, schedule, d -> Thread.sleep(d.toMillis()), Clock.systemUTC(), usePush);
    }

    OperationWatcher(OdcClient client, PollSchedule schedule, OdcClient.Sleeper sleeper, Clock clock,
                     boolean usePush) {
        this.client = client;
        this.schedule = schedule;
        this.sleeper = sleeper;
        this.clock = clock;
        this.usePush = usePush;
    }

    /**
     * @param collection e.g. {@code /api/deployments/v1/deployment-operations}
     * @return the operation in its terminal state
     */
    public JsonNode await(String collection, String operationKey, Duration timeout, Listener listener) {
        Instant deadline = clock.instant().plus(timeout);
        if (usePush) {
            JsonNode pushed = follow(collection, operationKey, deadline, listener);
            if (pushed != null) {
                return pushed;
            }
        }
        return poll(collection, operationKey, deadline, listener);
    }

    static boolean terminal(JsonNode operation) {
        String status = operation.path("status").asString("");
        return !status.isEmpty() && !status.equals("Running") && !status.equals("Pending");
    }

    /** Null when the server has no event stream, so the caller falls back to polling. */
    private JsonNode follow(String collection, String key, Instant deadline, Listener listener) {
        String lastEventId = null;
        JsonNode last = null;
        Outage outage = new Outage(listener, clock, sleeper);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeout("operation " + key + " still running after the timeout");
            }
            HttpResponse<java.io.InputStream> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + collection
                                + "/" + key + "/events"))
                        .timeout(left)
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + client.tokens().token())
                        .GET();
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                response = HttpClients.forUrl(client.baseUrl()).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new WaitTimeout("operation " + key + " still running after the timeout");
            } catch (IOException e) {
                outage.lost("cannot reach " + client.baseUrl(), deadline);
                continue;
            } catch (OdcException e) {
                if (e.status() != 0 && !OdcClient.retried(e.status())) {
                    throw e;
                }
                outage.lost(e.getMessage(), deadline);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OdcException(0, "interrupted", null);
            }
            int status = response.statusCode();
            if (status == 404 || status == 405 || status == 406) {
                close(response);
                return null;
            }
            if (status == 401 && !outage.reauthenticated) {
                close(response);
                outage.reauthenticated = true;
                client.tokens().invalidate();
                continue;
            }
            if (OdcClient.retried(status)) {
                close(response);
                outage.lost("the server answered " + status, deadline);
                continue;
            }
            if (status >= 400) {
                close(response);
                throw new OdcException(status, "HTTP " + status + " from the event stream", null);
            }
            outage.back();
            // The request timeout covers only the wait for headers: close the stream at the deadline ourselves.
            java.util.concurrent.ScheduledFuture<?> deadlineWatch = DEADLINES.schedule(() -> close(response),
                    Math.max(1, Duration.between(clock.instant(), deadline).toMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String event = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            JsonNode node = JsonTrees.read(data.toString());
                            if (event.equals("status")) {
                                last = node;
                                listener.status(node);
                                if (terminal(node)) {
                                    return node;
                                }
                            } else {
                                listener.message(node);
                            }
                        }
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.startsWith("id:")) {
                        lastEventId = line.substring(3).trim();
                    }
                }
            } catch (IOException e) {
                if (!clock.instant().isBefore(deadline)) {
                    throw new WaitTimeout("operation " + key + " still running after the timeout");
                }
            } finally {
                deadlineWatch.cancel(false);
            }
            if (!clock.instant().isBefore(deadline) && (last == null || !terminal(last))) {
                throw new WaitTimeout("operation " + key + " still running after the timeout");
            }
            if (last != null && terminal(last)) {
                return last;
            }
            outage.settle(deadline);
        }
    }

    private JsonNode poll(String collection, String key, Instant deadline, Listener listener) {
        Instant started = clock.instant();
        int seenMessages = 0;
        Outage outage = new Outage(listener, clock, sleeper);
        while (true) {
            JsonNode operation;
            JsonNode messages;
            try {
                operation = client.get(collection + "/" + key);
                messages = client.get(collection + "/" + key + "/messages?limit=100&offset=" + seenMessages);
            } catch (OdcException e) {
                if (e.status() != 0 && !OdcClient.retried(e.status()) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new WaitTimeout("operation " + key + " still running after the timeout");
                }
                outage.lost(e.getMessage(), deadline);
                continue;
            }
            outage.back();
            listener.status(operation);
            for (JsonNode message : messages.path("results")) {
                listener.message(message);
                seenMessages++;
            }
            if (terminal(operation)) {
                return operation;
            }
            Duration wait = schedule.next(Duration.between(started, clock.instant()));
            Instant next = clock.instant().plus(wait);
            if (next.isAfter(deadline)) {
                throw new WaitTimeout("operation " + key + " still running after the timeout");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OdcException(0, "interrupted", null);
            }
        }
    }

    private static void close(HttpResponse<java.io.InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
