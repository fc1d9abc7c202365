package dev.stageport.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on loopback that records every request it gets and answers 200 "ok",
 * or 503 while it is {@link #down(boolean) down}.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as it arrived, and the status it was answered with. */
    public record Received(String delivery, String event, String signature, String body, int answered) {

        public boolean accepted() {
            return answered == 200;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = down ? 503 : 200;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Stageport-Delivery"),
                    exchange.getRequestHeaders().getFirst("Stageport-Event"),
                    exchange.getRequestHeaders().getFirst("Stageport-Signature"), body, status));
            byte[] answer = (down ? "down for maintenance" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void down(boolean down) {
        this.down = down;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
