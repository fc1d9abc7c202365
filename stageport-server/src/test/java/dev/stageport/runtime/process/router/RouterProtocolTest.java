package dev.stageport.runtime.process.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router's control channel, with the router in this JVM and two one-line "instances". */
class RouterProtocolTest {

    private final Path stageDir = Path.of("target", "router-test", UUID.randomUUID().toString()).toAbsolutePath();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Router router;
    private RouterClient client;

    @BeforeEach
    void startRouter() throws IOException {
        router = Router.start(stageDir);
        open.add(router);
        client = new RouterClient(RouterFile.read(stageDir).orElseThrow());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void theRouterFileNamesThisProcessAndOnlyItsOwnerMayReadIt() throws IOException {
        RouterFile file = RouterFile.read(stageDir).orElseThrow();
        assertThat(file.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(file.token()).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(RouterFile.in(stageDir))))
                .isEqualTo("rw-------");
        assertThat(client.ping()).isEqualTo(file.pid());
    }

    @Test
    void setRouteForwardsAndAnsweringASwitchMeansNewConnectionsGoToTheNewTarget() throws IOException {
        int blue = instance("blue");
        int green = instance("green");

        int stable = client.set("app-1", blue, 0);
        assertThat(fetch(stable)).isEqualTo("blue");
        assertThat(client.set("app-1", green, 0)).as("a switch keeps the stable port").isEqualTo(stable);
        assertThat(fetch(stable)).isEqualTo("green");
        assertThat(client.list()).containsEntry("app-1", new RouterClient.Route(stable, green)).hasSize(1);

        client.remove("app-1");
        assertThat(client.list()).isEmpty();
        try (ServerSocket freed = new ServerSocket(stable, 1, InetAddress.getLoopbackAddress())) {
            assertThat(freed.getLocalPort()).as("the removed route's port is free again").isEqualTo(stable);
        }
    }

    @Test
    void aFreedStablePortIsBoundAgainWhenAskedFor() throws IOException {
        int blue = instance("blue");
        int stable = client.set("app-1", blue, 0);
        client.remove("app-1");
        assertThat(client.set("app-2", blue, stable)).isEqualTo(stable);
    }

    @Test
    void openConnectionsAreCountedPerTargetAndCutEndsThem() throws IOException {
        int silent = silentInstance();
        int stable = client.set("app-1", silent, 0);
        try (Socket held = new Socket(InetAddress.getLoopbackAddress(), stable)) {
            held.setSoTimeout(5_000);
            long deadline = System.currentTimeMillis() + 5_000;
            while (client.connections("app-1", silent) == 0) {
                assertThat(System.currentTimeMillis()).as("connection forwarded").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(client.connections("app-1", silent + 1 == 65536 ? 1 : silent + 1)).isZero();
            client.cut("app-1", silent);
            assertThat(held.getInputStream().read()).as("cut by the router").isEqualTo(-1);
        }
        assertThat(client.connections("app-1", silent)).isZero();
    }

    @Test
    void aCallerWithoutTheTokenIsRefusedAndTheRoutesStayAsTheyWere() throws IOException {
        int blue = instance("blue");
        int stable = client.set("app-1", blue, 0);
        RouterFile real = RouterFile.read(stageDir).orElseThrow();
        RouterClient intruder = new RouterClient(new RouterFile(real.pid(), real.controlPort(), "0".repeat(64)));

        assertThatThrownBy(() -> intruder.set("app-1", instance("evil"), 0))
                .isInstanceOf(RouterClient.Refused.class).hasMessageContaining("wrong token");
        assertThatThrownBy(intruder::stop).isInstanceOf(RouterClient.Refused.class);
        assertThat(fetch(stable)).isEqualTo("blue");
        assertThat(router.isStopped()).isFalse();
    }

    @Test
    void badArgumentsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> client.set("app 1", 80, 0)).isInstanceOf(RouterClient.Refused.class);
        assertThatThrownBy(() -> client.set("app-1", 0, 0)).hasMessageContaining("a port is a number from 1");
        assertThatThrownBy(() -> client.connections("nope", 80)).hasMessageContaining("no route 'nope'");
    }

    @Test
    void theRouterStopsWhenToldAndWhenItsFileIsGone() throws Exception {
        client.stop();
        assertThat(router.isStopped()).isTrue();
        assertThatThrownBy(client::ping).isInstanceOf(IOException.class);

        Router second = Router.start(stageDir);
        open.add(second);
        Files.delete(RouterFile.in(stageDir));
        second.exitWhenOrphaned();
        assertThat(second.isStopped()).as("its stage was removed").isTrue();
    }

    /** A loopback server that writes {@code name} to every connection and closes it. */
    private int instance(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(name.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    /** A loopback server that accepts connections and keeps them open without a word. */
    private int silentInstance() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread t = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static String fetch(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (answer.isEmpty()) {
                throw new IOException("closed without an answer");
            }
            return answer;
        }
    }
}
