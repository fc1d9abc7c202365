package dev.stageport.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workload of the launcher's training run, which records what a CLI run loads into the JVM's
 * class-data sharing archive (JDK 17) or ahead-of-time cache (JDK 25). Training with {@code --help}
 * alone left out the HTTP client, the JSON reading and the commands users run most, so those were
 * loaded and linked from the jar on every run. This runs the root help, a login, {@code ops list},
 * {@code ops show} and {@code status} in-process against a loopback server with canned answers of
 * the right shapes. It talks to nothing else, and always exits 0: a command failing here only means
 * less of it is in the archive.
 */
public final class TrainingRun {

    private static final String STAGE = "d0000000-0000-4000-8000-000000000001";
    private static final String OPERATION = "00000000-0000-4000-8000-00000000a001";
    private static final String OPERATION_JSON = "{\"key\":\"" + OPERATION + "\",\"status\":\"Finished\","
            + "\"startedDateTime\":\"2026-01-01T00:00:00.000Z\",\"finishedDateTime\":\"2026-01-01T00:00:05Z\","
            + "\"deployedBy\":\"training\",\"assetKey\":\"a0000000-0000-4000-8000-000000000001\",\"revisions\":[1],"
            + "\"buildKey\":\"b0000000-0000-4000-8000-000000000001\",\"assetName\":\"Training\","
            + "\"operation\":\"Deploy\"}";
    private static final String PAGE = "{\"page\":{\"count\":1,\"limit\":100,\"offset\":0},\"results\":[%s]}";

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException {
        train();
        System.exit(0);   // whatever a command left running, the training ends here
    }

    /** Runs the workload; returns the commands that did not exit 0, each with its first stderr line. */
    static List<String> train() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> answer(exchange, url));
        server.start();
        Path config = Files.createTempDirectory("stageport-training");
        List<String> failures = new ArrayList<>();
        try {
            Map<String, String> env = Map.of("STAGEPORT_CONFIG_DIR", config.toString(),
                    "STAGEPORT_CLIENT_SECRET", "training-secret");
            for (List<String> command : List.of(List.of("--help"),
                    List.of("login", "--url", url, "--client-id", "training"), List.of("ops", "list"),
                    List.of("ops", "show", OPERATION, "--output", "json"), List.of("status"))) {
                run(env, command).ifPresent(failures::add);
            }
        } finally {
            server.stop(0);
            delete(config);
        }
        return failures;
    }

    private static Optional<String> run(Map<String, String> env, List<String> command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), env, Clock.systemUTC(), false);
        int exit = StageportCli.run(command.toArray(String[]::new), context);
        return exit == ExitCode.OK ? Optional.empty()
                : Optional.of(String.join(" ", command) + " exited " + exit + ": " + err.toString().strip());
    }

    private static void answer(HttpExchange exchange, String url) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if (path.endsWith("/openid-configuration")) {
            body = "{\"issuer\":\"" + url + "/identity\",\"token_endpoint\":\"" + url + "/identity/oauth2/token\"}";
        } else if (path.endsWith("/oauth2/token")) {
            body = "{\"access_token\":\"training\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        } else if (path.equals("/api/portfolios/v1/environments")) {
            body = "{\"results\":[{\"key\":\"" + STAGE + "\",\"name\":\"Development\",\"purpose\":\"Development\","
                    + "\"order\":0,\"isConfigured\":true}]}";
        } else if (path.equals(Operations.DEPLOYMENTS)) {
            body = PAGE.formatted(OPERATION_JSON);
        } else if (path.equals(Operations.DEPLOYMENTS + "/" + OPERATION)) {
            body = OPERATION_JSON;
        } else if (path.startsWith(Operations.DEPLOYMENTS + "/")) {
            body = PAGE.formatted("");
        } else if (path.equals("/api/portfolios/v1/deployed-assets")) {
            body = PAGE.formatted("{\"type\":\"WebApplication\",\"key\":\"a0000000-0000-4000-8000-000000000001\","
                    + "\"deployments\":[{\"environmentKey\":\"" + STAGE + "\",\"name\":\"Training\",\"revision\":1,"
                    + "\"deploymentKey\":\"" + OPERATION + "\",\"deploymentDateTime\":\"2026-01-01T00:00:05Z\"}]}");
        } else {
            status = 404;
            body = "{\"title\":\"Not Found\",\"status\":404}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
