package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The data plane outlives the control plane: a steady load runs against the demo app's stable
 * URL while the server is SIGKILLed, started again on the same data folder (it adopts the
 * stage's router) and deploys revision 2. Not one request fails. A SIGTERM then leaves the
 * app and its router serving, as the default STAGEPORT_STOP_APPS_ON_EXIT=off promises.
 */
class RouterSurvivesServerIT {

    private static final Path WORK = Path.of("target", "it", "router-" + UUID.randomUUID()).toAbsolutePath();
    private static final Map<String, String> ENV = Map.of("STAGEPORT_ENGINE_LEASE", "3s",
            "STAGEPORT_DEMO_STEP_DURATION", "50ms", "STAGEPORT_STOP_APPS_ON_EXIT", "off");
    private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

    @Test
    void anAppAnswersEveryRequestWhileTheServerIsKilledRestartedAndDeploysANewRevision() throws Exception {
        Path stageDir = WORK.resolve("router-data").resolve("runtime").resolve(ProcessCrashIT.DEV);
        ProcessHandle router = null;
        ProcessHandle app = null;
        Load load = null;
        try {
            String url;
            try (ServerProcess first = ServerProcess.start("router", WORK, ENV)) {
                JsonNode demo = ProcessCrashIT.awaitDemoRunning(ProcessCrashIT.odc(first));
                assertThat(demo.path("state").asString()).as("demo instance %s", demo).isEqualTo("Running");
                url = demo.path("url").asString();
                router = routerProcess(stageDir);
                load = Load.start(url);
                load.awaitAnswers(20);
                first.kill();
            }
            int beforeRestart = load.ok.get();
            load.awaitAnswers(beforeRestart + 20); // the server is down: the router and the app still answer

            try (ServerProcess second = ServerProcess.start("router", WORK, ENV)) {
                Odc odc = ProcessCrashIT.odc(second);
                assertThat(routerProcess(stageDir).pid()).as("the router was adopted, not replaced")
                        .isEqualTo(router.pid());
                assertThat(ProcessCrashIT.instance(odc, ProcessCrashIT.DEV).path("url").asString()).isEqualTo(url);
                String deploy = odc.deploy(ProcessCrashIT.DEV, ProcessCrashIT.APP, ProcessCrashIT.RELEASE_2, 2).key();
                assertThat(ProcessCrashIT.awaitEnd(odc, deploy).status()).isEqualTo("Finished");
                load.awaitBody("= light"); // revision 2's Theme setting, keyed by its key in the demo
                JsonNode instance = ProcessCrashIT.instance(odc, ProcessCrashIT.DEV);
                assertThat(instance.path("revision").asInt()).isEqualTo(2);
                app = ProcessHandle.of(ProcessCrashIT.pid(instance)).orElseThrow();
            }
            int afterStop = load.ok.get();
            load.awaitAnswers(afterStop + 20); // a SIGTERM with the default setting leaves them serving
            load.stop();
            assertThat(load.failures).as("failed requests of %d", load.ok.get()).isEmpty();
            assertThat(router.isAlive()).isTrue();
            assertThat(app.isAlive()).isTrue();
        } finally {
            if (load != null) {
                load.stop();
            }
            // what an operator does to stop them by hand (docs/runtimes.md): remove the router file, stop the app
            Files.deleteIfExists(stageDir.resolve("router.json"));
            for (ProcessHandle left : appProcesses(stageDir)) {
                left.destroy();
                left.onExit().get(20, TimeUnit.SECONDS);
            }
            if (router != null) {
                assertThat(router.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("router ended without its file")
                        .isFalse();
            }
        }
    }

    /** The example app's processes the stage's instance records name (also after a failed assertion). */
    private static List<ProcessHandle> appProcesses(Path stageDir) throws IOException {
        if (!Files.isDirectory(stageDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(stageDir)) {
            return files.filter(f -> f.getFileName().toString().equals("instance.json")).flatMap(f -> {
                try {
                    Matcher m = PID.matcher(Files.readString(f));
                    return m.find() ? ProcessHandle.of(Long.parseLong(m.group(1))).stream() : Stream.empty();
                } catch (IOException e) {
                    return Stream.empty();
                }
            }).filter(p -> p.info().commandLine().orElse("").contains("hello-settings")).toList();
        }
    }

    private static ProcessHandle routerProcess(Path stageDir) throws IOException {
        Matcher m = PID.matcher(Files.readString(stageDir.resolve("router.json")));
        assertThat(m.find()).isTrue();
        return ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();
    }

    /** One request after another on a new connection each, as many clients do; every failure is kept. */
    private static final class Load {
        final AtomicInteger ok = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        volatile String lastBody = "";
        private Thread thread;

        static Load start(String url) {
            Load load = new Load();
            URI uri = URI.create(url);
            load.thread = new Thread(() -> {
                while (load.running.get()) {
                    try {
                        String answer = fetch(uri);
                        if (answer.startsWith("HTTP/1.1 200")) {
                            load.lastBody = answer;
                            load.ok.incrementAndGet();
                        } else {
                            load.failures.add(Instant.now() + " " + answer.lines().findFirst().orElse("(empty)"));
                        }
                        Thread.sleep(10);
                    } catch (IOException e) {
                        load.failures.add(Instant.now() + " " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load");
            load.thread.setDaemon(true);
            load.thread.start();
            return load;
        }

        void awaitAnswers(int count) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (ok.get() < count && failures.isEmpty()) {
                assertThat(Instant.now()).as("%d answers (have %d)", count, ok.get()).isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(failures).as("failed requests").isEmpty();
        }

        void awaitBody(String marker) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!lastBody.contains(marker) && failures.isEmpty()) {
                assertThat(Instant.now()).as("an answer containing %s (%d answers, last: %s)", marker, ok.get(),
                        lastBody).isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(failures).as("failed requests").isEmpty();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        private static String fetch(URI uri) throws IOException {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
