package dev.stageport.runtime.process.router;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A process stage's router: owns the stable listening sockets of the stage's apps (one
 * {@link Forwarder} per route) and takes commands on a loopback control port that only a
 * caller holding the token of {@link RouterFile} may use. It outlives the server that
 * started it; it exits when told to, or when its {@code router.json} is gone or names
 * another process (the stage was removed, or a newer router replaced it).
 */
public final class Router implements AutoCloseable {

    private static final System.Logger log = System.getLogger(Router.class.getName());
    private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path stageDir;
    private final ServerSocket control;
    private final RouterFile file;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemon("router"));
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(daemon("router-watch"));
    private final Map<String, Forwarder> routes = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Router(Path stageDir, ServerSocket control, RouterFile file) {
        this.stageDir = stageDir;
        this.control = control;
        this.file = file;
    }

    /** Binds the control port, publishes {@code router.json} and starts serving. */
    public static Router start(Path stageDir) throws IOException {
        ServerSocket control = new ServerSocket();
        control.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        RouterFile file = new RouterFile(ProcessHandle.current().pid(), control.getLocalPort(),
                HexFormat.of().formatHex(secret));
        Router router = new Router(stageDir, control, file);
        try {
            file.write(stageDir);
        } catch (RuntimeException e) {
            control.close();
            throw e;
        }
        router.threads.execute(router::acceptLoop);
        router.watch.scheduleWithFixedDelay(router::exitWhenOrphaned, 1, 1, TimeUnit.SECONDS);
        return router;
    }

    public RouterFile file() {
        return file;
    }

    /** Blocks until the router was told to stop or found its stage gone. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** True once the router closed its ports (a stop command has closed them before it is answered). */
    public boolean isStopped() {
        return control.isClosed();
    }

    @Override
    public void close() {
        closePorts();
        watch.shutdownNow();
        threads.shutdownNow();
        stopped.countDown();
    }

    private void closePorts() {
        closeQuietly(control);
        routes.values().forEach(Forwarder::close);
        routes.clear();
    }

    /** Checked every second; package-private so a test runs it without waiting. */
    void exitWhenOrphaned() {
        if (!RouterFile.read(stageDir).map(f -> f.pid() == file.pid() && f.token().equals(file.token()))
                .orElse(false)) {
            log.log(System.Logger.Level.INFO, "The router file in " + stageDir + " is gone or names another "
                    + "router; this router stops.");
            close();
        }
    }

    private void acceptLoop() {
        while (!control.isClosed()) {
            try {
                Socket caller = control.accept();
                threads.execute(() -> serve(caller));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket caller) {
        boolean stop = false;
        try (caller) {
            caller.setSoTimeout(5_000);
            String line = new BufferedReader(new InputStreamReader(caller.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            String answer;
            if (line == null || !authorised(line)) {
                answer = "error refused: wrong token";
            } else {
                String[] words = line.substring(line.indexOf(' ') + 1).split(" ");
                answer = answer(words);
                stop = words[0].equals("stop") && answer.equals("ok");
            }
            OutputStream out = caller.getOutputStream();
            out.write((answer + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the caller went away: it retries or gives up, nothing changed halfway
        }
        if (stop) {
            close();
        }
    }

    private boolean authorised(String line) {
        int space = line.indexOf(' ');
        byte[] given = (space < 0 ? line : line.substring(0, space)).getBytes(StandardCharsets.US_ASCII);
        return space > 0 && MessageDigest.isEqual(given, file.token().getBytes(StandardCharsets.US_ASCII));
    }

    private synchronized String answer(String[] words) {
        try {
            return switch (words[0]) {
                case "ping" -> words.length == 1 ? "ok " + file.pid() : usage("ping");
                case "stop" -> words.length == 1 ? stop() : usage("stop");
                case "list" -> words.length == 1 ? list() : usage("list");
                case "set" -> words.length == 4 ? set(route(words[1]), port(words[2], 1), port(words[3], 0))
                        : usage("set <route> <targetPort> <listenPort>");
                case "remove" -> words.length == 2 ? remove(route(words[1])) : usage("remove <route>");
                case "connections" -> words.length == 3
                        ? "ok " + existing(words[1]).openTo(port(words[2], 1)) : usage("connections <route> <port>");
                case "cut" -> words.length == 3 ? cut(existing(words[1]), port(words[2], 1))
                        : usage("cut <route> <port>");
                default -> "error unknown command '" + words[0] + "' (known: ping, set, remove, list, connections, "
                        + "cut, stop)";
            };
        } catch (IllegalArgumentException e) {
            return "error " + e.getMessage();
        } catch (IOException e) {
            return "error the route's listener could not be opened: " + e.getMessage();
        }
    }

    private String set(String route, int target, int preferredListenPort) throws IOException {
        Forwarder forwarder = routes.get(route);
        if (forwarder == null) {
            forwarder = new Forwarder(preferredListenPort, target, threads);
            routes.put(route, forwarder);
        } else {
            forwarder.switchTo(target);
        }
        return "ok " + forwarder.port();
    }

    /** Closes the ports before answering, so an answer means the stable ports are free. */
    private String stop() {
        closePorts();
        return "ok";
    }

    private String remove(String route) {
        Forwarder forwarder = routes.remove(route);
        if (forwarder != null) {
            forwarder.close();
        }
        return "ok";
    }

    private String list() {
        StringBuilder out = new StringBuilder("ok");
        new TreeMap<>(routes).forEach((route, f) -> out.append(' ').append(route).append('=').append(f.port())
                .append(':').append(f.target()));
        return out.toString();
    }

    private static String cut(Forwarder forwarder, int port) {
        forwarder.cut(port);
        return "ok";
    }

    private Forwarder existing(String route) {
        Forwarder forwarder = routes.get(route(route));
        if (forwarder == null) {
            throw new IllegalArgumentException("no route '" + route + "'");
        }
        return forwarder;
    }

    private static String route(String word) {
        if (!ROUTE.matcher(word).matches()) {
            throw new IllegalArgumentException("a route name is 1-100 of A-Z a-z 0-9 . _ -, got '" + word + "'");
        }
        return word;
    }

    private static int port(String word, int min) {
        try {
            int port = Integer.parseInt(word);
            if (port >= min && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("a port is a number from " + min + " to 65535, got '" + word + "'");
    }

    private static String usage(String form) {
        return "error usage: " + form;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
