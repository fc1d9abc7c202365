package dev.stageport.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A headless Firefox driven over WebDriver BiDi, which Firefox speaks itself (no geckodriver):
 * started with a fresh profile on a free port, one session, one tab. Only what the console's
 * browser test needs: open a page, run a function in it, wait for a condition, take a screenshot.
 * Every failure names the command and Firefox's answer, or the last lines Firefox printed.
 */
final class FirefoxBiDi implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // keep Firefox off the network: this machine has none, and a test must not wait for it
    private static final String PREFERENCES = """
            user_pref("app.update.disabledForTesting", true);
            user_pref("browser.shell.checkDefaultBrowser", false);
            user_pref("browser.startup.homepage_override.mstone", "ignore");
            user_pref("browser.safebrowsing.malware.enabled", false);
            user_pref("browser.safebrowsing.phishing.enabled", false);
            user_pref("datareporting.policy.dataSubmissionEnabled", false);
            user_pref("extensions.update.enabled", false);
            user_pref("network.captive-portal-service.enabled", false);
            user_pref("network.connectivity-service.enabled", false);
            user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
            """;

    private final Process process;
    private final Path profile;
    private final Deque<String> output;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String context;

    private FirefoxBiDi(Process process, Path profile, Deque<String> output, URI session) {
        this.process = process;
        this.profile = profile;
        this.output = output;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(COMMAND_TIMEOUT)
                .buildAsync(session, new Answers()).orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        this.context = send("browsingContext.getTree", JSON.createObjectNode()).path("contexts").path(0)
                .path("context").asString();
    }

    /** Starts Firefox headless and opens a BiDi session; fails with what Firefox printed if it does not listen. */
    static FirefoxBiDi start(Path firefox) throws IOException {
        Path profile = Files.createTempDirectory("firefox-profile");
        Files.writeString(profile.resolve("user.js"), PREFERENCES);
        Process process = new ProcessBuilder(firefox.toString(), "--headless", "--no-remote",
                "--remote-debugging-port=0", "--profile", profile.toString(), "about:blank")
                .redirectErrorStream(true).start();
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, listening), "firefox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new FirefoxBiDi(process, profile, output,
                    URI.create(listening.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) + "/session"));
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            deleteProfile(profile);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Firefox (" + firefox + ") did not open a WebDriver BiDi session: " + e
                    + "; it printed: " + lastLines(output), e);
        }
    }

    /** Opens a URL and waits until the page has loaded. */
    void open(String url) {
        ObjectNode params = JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete");
        send("browsingContext.navigate", params);
    }

    /**
     * Runs a JavaScript function in the page with string arguments and returns its result
     * (a BiDi remote value: {@code type} and, for primitives, {@code value}); a thrown error fails.
     */
    JsonNode call(String function, String... arguments) {
        ObjectNode params = JSON.createObjectNode().put("functionDeclaration", function).put("awaitPromise", true)
                .put("resultOwnership", "none");
        params.putObject("target").put("context", context);
        ArrayNode args = params.putArray("arguments");
        for (String argument : arguments) {
            args.addObject().put("type", "string").put("value", argument);
        }
        JsonNode answer = send("script.callFunction", params);
        if (!"success".equals(answer.path("type").asString())) {
            throw new AssertionError("The page threw in " + function + ": "
                    + answer.path("exceptionDetails").path("text").asString());
        }
        return answer.path("result");
    }

    /** The string a function returns ("" for null or undefined). */
    String text(String function, String... arguments) {
        return call(function, arguments).path("value").asString("");
    }

    /** Asks {@code condition} (a function returning a boolean) until it is true; fails after {@code timeout}. */
    void waitUntil(String condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (call(condition).path("value").asBoolean(false)) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                // a page between two documents answers "no such frame" or throws: ask again
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Firefox: " + what + " did not happen within " + timeout + " (on "
                + text("() => location.href") + ")" + (last == null ? "" : "; last error: " + last.getMessage()));
    }

    /** A PNG of the viewport. */
    byte[] screenshot() {
        return Base64.getDecoder().decode(send("browsingContext.captureScreenshot",
                JSON.createObjectNode().put("context", context)).path("data").asString());
    }

    void deleteCookies() {
        send("storage.deleteCookies", JSON.createObjectNode());
    }

    /** Sends a command and returns its result; a BiDi error or no answer in time fails with the command's name. */
    JsonNode send(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        try {
            socket.sendText(JSON.writeValueAsString(command), true).join();
            JsonNode message = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if ("error".equals(message.path("type").asString())) {
                throw new IllegalStateException("Firefox answered " + method + " with " + message.path("error")
                        .asString() + ": " + message.path("message").asString());
            }
            return message.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Firefox did not answer " + method + " (" + e + "); it printed: "
                    + lastLines(output), e);
        } finally {
            waiting.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            send("browser.close", JSON.createObjectNode());
        } catch (RuntimeException e) {
            // the browser may close the connection before it answers
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
            deleteProfile(profile);
        }
    }

    private static void readOutput(Process process, Deque<String> output, CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 20) {
                        output.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("Firefox exited before it listened"));
    }

    private static String lastLines(Deque<String> output) {
        synchronized (output) {
            return String.join(" | ", output);
        }
    }

    /** Best effort: a profile left in the temp folder must not fail a test that passed. */
    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the Firefox profile " + profile + ": " + e);
        }
    }

    /** Matches each answer to its command by id; events (none are subscribed) are ignored. */
    private final class Answers implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                CompletableFuture<JsonNode> answer = message.has("id") ? waiting.get(message.get("id").asLong()) : null;
                if (answer != null) {
                    answer.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll(new IllegalStateException("Firefox closed the connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(error);
        }

        private void failAll(Throwable error) {
            waiting.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
