package dev.stageport.runtime.process.router;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's side of a router's control channel: one loopback connection per command,
 * {@code <token> <command> <args>} in, one line {@code ok ...} or {@code error ...} out.
 * An answer to {@link #set} means the route is in effect.
 */
public final class RouterClient {

    /** What a router forwards for one route: its stable (listen) port and the instance port. */
    public record Route(int listenPort, int targetPort) {
    }

    /** The router answered {@code error ...}: it is alive but refused the command. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private static final int TIMEOUT_MILLIS = 5_000;

    private final RouterFile router;

    public RouterClient(RouterFile router) {
        this.router = router;
    }

    public RouterFile router() {
        return router;
    }

    /** The router's PID, as it reports it itself. */
    public long ping() throws IOException {
        return Long.parseLong(call("ping"));
    }

    /** Points {@code route} at {@code targetPort}, opening its listener first (on {@code preferredListenPort} if free). */
    public int set(String route, int targetPort, int preferredListenPort) throws IOException {
        return Integer.parseInt(call("set " + route + " " + targetPort + " " + preferredListenPort));
    }

    public void remove(String route) throws IOException {
        call("remove " + route);
    }

    public Map<String, Route> list() throws IOException {
        Map<String, Route> routes = new LinkedHashMap<>();
        String answer = call("list");
        for (String entry : answer.isEmpty() ? new String[0] : answer.split(" ")) {
            String[] parts = entry.split("[=:]");
            routes.put(parts[0], new Route(Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        }
        return routes;
    }

    /** Connections the route forwards to {@code targetPort} that are still open. */
    public long connections(String route, int targetPort) throws IOException {
        return Long.parseLong(call("connections " + route + " " + targetPort));
    }

    public void cut(String route, int targetPort) throws IOException {
        call("cut " + route + " " + targetPort);
    }

    /** Tells the router to close every route and exit. */
    public void stop() throws IOException {
        call("stop");
    }

    private String call(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), router.controlPort()),
                    TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((router.token() + " " + command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (answer == null) {
                throw new IOException("The router closed the control connection without an answer.");
            }
            if (answer.startsWith("error ")) {
                throw new Refused(answer.substring("error ".length()));
            }
            return answer.equals("ok") ? "" : answer.substring("ok ".length());
        }
    }
}
