package dev.stageport.it;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OdcException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server started as a real process, the way an operator runs it. */
final class ServerProcess implements AutoCloseable {

    static final String CLIENT_ID = "it-pipeline";
    static final String CLIENT_SECRET = "it-secret-0123456789abcdef0123456789";
    static final String DEFAULT_HEAP = "-Xmx384m";
    /** The repository: the tests run in stageport-it. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServerProcess start(String name, Path workDir, Map<String, String> extraEnv) throws Exception {
        return start(name, workDir, extraEnv, DEFAULT_HEAP);
    }

    /** {@code maxHeap} e.g. "-Xmx256m": tests that prove a job fits a small heap pass their own. */
    static ServerProcess start(String name, Path workDir, Map<String, String> extraEnv, String maxHeap)
            throws Exception {
        ServerProcess server = launch(name, workDir, extraEnv, maxHeap);
        // generous: on a loaded build machine a start can take well over a minute
        server.awaitReady(Duration.ofSeconds(180));
        return server;
    }

    /** Starts the process without waiting for it to answer: a test may kill it while it starts. */
    static ServerProcess launch(String name, Path workDir, Map<String, String> extraEnv, String maxHeap)
            throws Exception {
        return launch(name, workDir, extraEnv, maxHeap, List.of());
    }

    /** {@code jvmOptions} go before the jar, e.g. a system property the server reads before its context. */
    static ServerProcess launch(String name, Path workDir, Map<String, String> extraEnv, String maxHeap,
                                List<String> jvmOptions) throws Exception {
        Path jar = Path.of(System.getProperty("stageport.server.jar", "../stageport-server/target/stageport-server-exec.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the server first (./mvnw verify does): " + jar.toAbsolutePath());
        }
        // a test that restarts a server on the same address passes its own port
        int port = extraEnv.containsKey("STAGEPORT_PORT") ? Integer.parseInt(extraEnv.get("STAGEPORT_PORT")) : freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        Map<String, String> env = new HashMap<>();
        env.put("STAGEPORT_PORT", Integer.toString(port));
        env.put("STAGEPORT_DATA_DIR", workDir.resolve(name + "-data").toString());
        env.put("STAGEPORT_BOOTSTRAP_CLIENT_ID", CLIENT_ID);
        env.put("STAGEPORT_BOOTSTRAP_CLIENT_SECRET", CLIENT_SECRET);
        env.put("STAGEPORT_RATE_LIMITS", "off");
        // a test's apps and stage routers end with its server (a test of the default passes off)
        env.put("STAGEPORT_STOP_APPS_ON_EXIT", "on");
        env.putAll(extraEnv);
        // C1 only: a test's server lives for seconds to a minute, so C2's compilations at start (a core's worth
        // on these two) never pay back; the JIT changes nothing a test can see (docs/benchmarks.md, "Build time")
        String options = String.join(" ", maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions));
        ProcessBuilder builder = java(jar, options).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), port, log);
    }

    /** The server {@code jar} on this JDK with the java {@code options}, as {@link #command} starts it. */
    static ProcessBuilder java(Path jar, String options) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(jar, options));
        builder.environment().put("STAGEPORT_JAVA", System.getProperty("java.home"));
        builder.environment().put("STAGEPORT_JAVA_OPTS", options);
        return builder;
    }

    /**
     * The packaged server as the README starts it, {@code ./stageport server} on this JDK: from the class-data
     * sharing archive of this build, which the bench smoke's {@code prepare} makes earlier in the same verify
     * (a start uses about 40% less CPU with it). Without that archive the launcher would train first, which a
     * test that kills its server while it starts must not race, so then it is the plain jar. The launcher
     * exec's java: the process is the server's either way.
     */
    private static List<String> command(Path jar, String options) throws IOException {
        Path launcher = ROOT.resolve("stageport");
        Path launchersJar = ROOT.resolve("stageport-server/target/stageport-server-exec.jar");
        if (Files.isExecutable(launcher) && Files.exists(launchersJar) && Files.isSameFile(jar, launchersJar)
                && hasArchive(jar)) {
            return List.of(launcher.toString(), "server");
        }
        List<String> plain = new ArrayList<>();
        plain.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        plain.addAll(List.of(options.split(" ")));
        plain.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return plain;
    }

    /** The launcher's archive folder is named after the jar's time and size (see ./stageport, fast_start). */
    private static boolean hasArchive(Path jar) throws IOException {
        String stamp = Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + "-" + Files.size(jar);
        Path archive = jar.resolveSibling("cds").resolve(stamp)
                .resolve("stageport-server-exec-jdk" + System.getProperty("java.version") + ".jsa");
        return Files.isRegularFile(archive);
    }

    Path log() {
        return log;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hooks, no graceful stop — a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during start-up; see " + log + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url()
                        + "/identity/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && bootstrapClientReady()) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The server did not start within " + timeout + "; see " + log);
    }

    /** The bootstrap client is registered just after the port opens: a test's first token must not race it. */
    private boolean bootstrapClientReady() {
        try {
            new OdcClient(url(), CLIENT_ID, CLIENT_SECRET).tokens().token();
            return true;
        } catch (OdcException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
