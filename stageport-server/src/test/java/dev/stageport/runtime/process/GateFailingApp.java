package dev.stageport.runtime.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A test app for the process driver's health gate: healthy on /health (so it passes the
 * HealthCheck step), serves / normally, but answers /ready with 503, the path the gate probes.
 * Run as a child process from an artifact the test zips; uses only the JDK.
 */
public final class GateFailingApp {

    static final String PAGE = "gate-failing-app";

    private GateFailingApp() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
        server.createContext("/ready", exchange -> respond(exchange, 503, "not ready, on purpose"));
        server.createContext("/", exchange -> respond(exchange, 200, PAGE));
        server.start();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
