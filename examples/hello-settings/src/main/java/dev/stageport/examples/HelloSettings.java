package dev.stageport.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The example app Stageport deploys: an HTTP server that answers {@code /} with
 * the settings it was started with and {@code /health} with "ok". Settings come
 * from environment variables named {@code STAGEPORT_SETTING_<NAME>}; secret
 * settings are shown as set or unset, never by value.
 */
public final class HelloSettings {

    static final String PREFIX = "STAGEPORT_SETTING_";

    private HelloSettings() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
        HttpServer server = start(port, System.getenv());
        System.out.println("hello-settings listening on port " + server.getAddress().getPort());
    }

    static HttpServer start(int port, Map<String, String> environment) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        String page = render(environment);
        server.createContext("/health", exchange -> respond(exchange, "ok"));
        server.createContext("/", exchange -> respond(exchange, page));
        server.start();
        return server;
    }

    static String render(Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                String key = name.substring(PREFIX.length());
                boolean secret = environment.containsKey("STAGEPORT_SECRET_" + key);
                settings.put(key, secret ? "(secret, set)" : value);
            }
        });
        String greeting = settings.getOrDefault("GREETINGTEXT", "Hello");
        StringBuilder out = new StringBuilder(greeting).append(" from hello-settings\n\n");
        settings.forEach((key, value) -> out.append(key).append(" = ").append(value).append('\n'));
        return out.toString();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
