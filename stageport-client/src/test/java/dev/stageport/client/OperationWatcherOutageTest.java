package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A wait outlives a server that goes away and comes back (a restart, or 503 from a proxy in front of it). */
class OperationWatcherOutageTest {

    private static final String OPS = "/api/deployments/v1/deployment-operations";

    private HttpServer server;
    private final AtomicReference<String> status = new AtomicReference<>("Running");
    private final List<String> connection = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aWaitByPollingOutlivesAServerThatStopsAndStartsAgainAndSaysSoOnceEachWay() throws Exception {
        int port = start(0);
        List<Duration> pauses = new ArrayList<>();
        OdcClient client = new OdcClient("http://127.0.0.1:" + port, TokenSource.fixed("t"),
                java.net.http.HttpClient.newHttpClient(), 2, d -> { });
        OperationWatcher watcher = new OperationWatcher(client, new PollSchedule(Duration.ofMillis(1),
                Duration.ofMinutes(1), Duration.ofMillis(1)), d -> {
                    pauses.add(d);
                    if (pauses.size() == 1) {
                        server.stop(0); // the restart begins after the first look
                    } else if (pauses.size() == 4) {
                        status.set("Finished");
                        restart(port); // ... and ends three pauses later
                    }
                }, Clock.systemUTC(), false);

        JsonNode done = watcher.await(OPS, "op-1", Duration.ofMinutes(5), listener());

        assertThat(done.path("status").asString()).isEqualTo("Finished");
        assertThat(connection).hasSize(2);
        assertThat(connection.get(0)).startsWith("lost: cannot reach http://127.0.0.1:" + port);
        assertThat(connection.get(1)).isEqualTo("back");
    }

    @Test
    void aProxyAnsweringServiceUnavailableOnTheEventStreamIsWaitedOutUntilTheStreamEndsTheOperation()
            throws Exception {
        start(0);
        status.set("Unavailable");
        List<Duration> pauses = new ArrayList<>();
        OdcClient client = new OdcClient("http://127.0.0.1:" + server.getAddress().getPort(), TokenSource.fixed("t"),
                java.net.http.HttpClient.newHttpClient(), 1, d -> { });
        OperationWatcher watcher = new OperationWatcher(client, new PollSchedule(Duration.ofMillis(1),
                Duration.ofMinutes(1), Duration.ofMillis(1)), d -> {
                    pauses.add(d);
                    if (pauses.size() == 3) {
                        status.set("Finished");
                    }
                }, Clock.systemUTC(), true);

        JsonNode done = watcher.await(OPS, "op-1", Duration.ofMinutes(5), listener());

        assertThat(done.path("status").asString()).isEqualTo("Finished");
        assertThat(connection).containsExactly("lost: the server answered 503", "back");
        assertThat(pauses).hasSize(3).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(
                Duration.ofSeconds(8)));
    }

    @Test
    void aServerThatNeverComesBackEndsTheWaitAtItsTimeout() throws Exception {
        int port = start(0);
        server.stop(0);
        server = null;
        OdcClient client = new OdcClient("http://127.0.0.1:" + port, TokenSource.fixed("t"),
                java.net.http.HttpClient.newHttpClient(), 1, d -> { });
        OperationWatcher watcher = new OperationWatcher(client, PollSchedule.ODC_ADVICE, d -> Thread.sleep(20),
                Clock.systemUTC(), false);

        assertThatThrownBy(() -> watcher.await(OPS, "op-1", Duration.ofMillis(300), listener()))
                .isInstanceOf(OperationWatcher.WaitTimeout.class);
        assertThat(connection).hasSize(1);
    }

    private OperationWatcher.Listener listener() {
        return new OperationWatcher.Listener() {
            @Override
            public void status(JsonNode operation) {
            }

            @Override
            public void message(JsonNode message) {
            }

            @Override
            public void connection(boolean reachable, String detail) {
                connection.add(reachable ? "back" : "lost: " + detail);
            }
        };
    }

    private void restart(int port) {
        try {
            start(port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int start(int port) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                break;
            } catch (BindException e) {
                if (attempt > 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    throw new IOException(interrupted);
                }
            }
        }
        server.createContext(OPS, this::answer);
        server.start();
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (status.get().equals("Unavailable")) {
            reply(exchange, 503, "text/html", "<html>bad gateway</html>");
        } else if (path.endsWith("/events")) {
            reply(exchange, 200, "text/event-stream", "event: status\ndata: {\"key\": \"op-1\", \"status\": \""
                    + status.get() + "\"}\n\n");
        } else if (path.endsWith("/messages")) {
            reply(exchange, 200, "application/json", "{\"results\": []}");
        } else {
            reply(exchange, 200, "application/json", "{\"key\": \"op-1\", \"status\": \"" + status.get() + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
