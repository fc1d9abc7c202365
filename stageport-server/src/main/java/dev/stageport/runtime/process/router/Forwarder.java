package dev.stageport.runtime.process.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An asset's stable address inside its stage's router: a loopback TCP listener that
 * forwards each new connection to whichever instance is active. Switching only changes
 * where new connections go, so no request is refused during a switch; the server drains
 * an old instance by polling {@link #openTo} until its connections end, then {@link #cut}s the rest.
 */
final class Forwarder implements AutoCloseable {

    private static final System.Logger log = System.getLogger(Forwarder.class.getName());
    private static final java.time.Duration PREFERRED_PORT_WAIT = java.time.Duration.ofSeconds(2);

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.CountDownLatch acceptLeft = new java.util.concurrent.CountDownLatch(1);
    private volatile int target;

    /** A forwarded connection: the client side, the instance side, and the instance port it went to. */
    private record Link(Socket client, Socket upstream, int port, AtomicInteger open) {
        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** Listens on {@code preferredPort} when free (0 or taken: any free port). */
    Forwarder(int preferredPort, int target, ExecutorService threads) throws IOException {
        this.target = target;
        this.threads = threads;
        this.listener = bind(preferredPort);
        try {
            threads.execute(this::acceptLoop);
        } catch (RuntimeException e) {
            acceptLeft.countDown();
            listener.close();
            throw e;
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    int target() {
        return target;
    }

    void switchTo(int port) {
        target = port;
    }

    /** How many forwarded connections to instance port {@code port} are still open. */
    long openTo(int port) {
        return links.stream().filter(l -> l.port() == port).count();
    }

    /** Closes every connection still open to instance port {@code port}. */
    void cut(int port) {
        links.stream().filter(l -> l.port() == port).forEach(Link::close);
    }

    /**
     * Returns once the port is given up: the JDK releases a listener only when the thread blocked
     * in its accept has left, so a caller told "removed" could otherwise not bind the port yet.
     */
    @Override
    public void close() {
        closeQuietly(listener);
        links.forEach(Link::close);
        try {
            acceptLeft.await(PREFERRED_PORT_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A port just given up (a route removed, a router replaced) can stay bound for a moment:
     * the JDK releases a listener only once the thread blocked in its accept has left. So the
     * preferred port is tried for a short while before the app gets a new one.
     */
    private static ServerSocket bind(int preferredPort) throws IOException {
        if (preferredPort > 0) {
            long giveUp = System.nanoTime() + PREFERRED_PORT_WAIT.toNanos();
            while (true) {
                try {
                    return open(preferredPort);
                } catch (IOException taken) {
                    if (System.nanoTime() > giveUp) {
                        log.log(System.Logger.Level.WARNING, "The stable port " + preferredPort
                                + " is taken; the app gets a new stable port.");
                        break;
                    }
                    pause();
                }
            }
        }
        return open(0);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the stable port");
        }
    }

    private static ServerSocket open(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return socket;
    }

    private void acceptLoop() {
        try {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed
                }
                threads.execute(() -> connect(client));
            }
        } finally {
            acceptLeft.countDown();
        }
    }

    private void connect(Socket client) {
        int port = target;
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Link link = new Link(client, upstream, port, new AtomicInteger(2));
        links.add(link);
        threads.execute(() -> pump(link, client, upstream));
        pump(link, upstream, client);
    }

    /** Copies one direction; the second direction to end (or any error) closes the link. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        boolean clean = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            clean = true;
        } catch (IOException e) {
            // either side went away: closing both ends the other direction too
        } finally {
            if (!clean || link.open().decrementAndGet() == 0) {
                link.close();
                links.remove(link);
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
