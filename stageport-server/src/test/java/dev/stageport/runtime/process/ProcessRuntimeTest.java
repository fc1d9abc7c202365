package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The process driver end to end over HTTP, with the example app as a real child process. */
class ProcessRuntimeTest extends ProcessTestSupport {

    @Test
    void deployApplyConfigsAndRedeployServeTheNewValuesOnTheSameUrlWithoutAFailedRequest() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":30,\"drainMillis\":500}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        setSetting(app, 1, "ApiToken", "s3cret-token-value");

        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        JsonNode instance = instance(app);
        assertThat(instance.get("state").asString()).isEqualTo("Running");
        assertThat(instance.get("revision").asInt()).isEqualTo(1);
        String url = instance.get("url").asString();
        String page = fetch(url);
        assertThat(page).startsWith("HTTP/1.1 200").contains("Hello from hello-settings")
                .contains("APITOKEN = (secret, set)").doesNotContain("s3cret-token-value");
        assertThat(secretOnDisk("s3cret-token-value")).as("files holding the secret in clear").isEmpty();

        setSetting(app, 1, "GreetingText", "Bonjour");
        assertThat(awaitEnd(applyConfigs(app), 60_000).get("status").asString()).isEqualTo("Finished");
        assertThat(fetch(url)).contains("Bonjour from hello-settings");
        assertThat(instance(app).get("url").asString()).isEqualTo(url);

        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread hammer = new Thread(() -> {
            while (hammering.get()) {
                try {
                    (fetch(url).startsWith("HTTP/1.1 200") ? ok : failed).incrementAndGet();
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        });
        hammer.start();
        try {
            sleep(200);
            assertThat(awaitEnd(deploy(app, 2), 60_000).get("status").asString()).isEqualTo("Finished");
            sleep(200);
        } finally {
            hammering.set(false);
            hammer.join();
        }
        assertThat(failed.get()).as("failed requests during the switch (of %d)", ok.get() + failed.get()).isZero();
        assertThat(ok.get()).isGreaterThan(20);
        assertThat(fetch(url)).contains("Bonjour from hello-settings").contains("THEME = dark");
        assertThat(instance(app).get("revision").asInt()).isEqualTo(2);
        assertThat(runtime.files.children(runtime.files.assetDir(STAGE, app.key()))).as("instance folders").hasSize(1);
    }

    @Test
    void anAppThatNeverBecomesHealthyFailsWithinTheTimeoutWithItsOutputAndTheOldOneKeepsServing() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":2}");
        RunSpec broken = new RunSpec(List.of("sh", "-c", "echo starting broken app; echo cannot open port >&2; "
                + "exec sleep 60"), "PORT", "/health");
        HelloApp app = newHelloApp(helloRun(), broken);
        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        String url = instance(app).get("url").asString();

        long started = System.nanoTime();
        String op = deploy(app, 2);
        JsonNode end = awaitEnd(op, 30_000);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(end.get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(seconds).as("seconds until the operation ended").isLessThan(15);
        assertThat(String.join("\n", messages(op))).contains("within 2 s").contains("cannot open port")
                .contains("what ran before keeps running");
        assertThat(instance(app).get("revision").asInt()).isEqualTo(1);
        assertThat(fetch(url)).startsWith("HTTP/1.1 200");
        assertThat(runtime.files.children(runtime.files.assetDir(STAGE, app.key()))).hasSize(1);
    }

    @Test
    void aCrashedInstanceIsRestartedWithBackoffAndShowsItsRestartCount() throws Exception {
        useProcessDriver("{}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        ProcessHandle first = runtime.slot(STAGE, app.key()).active.process;

        first.destroyForcibly();
        first.onExit().join();
        JsonNode seen = instance(app);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(seen.get("state").asString().equals("Running") && seen.get("restarts").asInt() == 1)) {
            assertThat(System.currentTimeMillis()).as("restart, last seen %s", seen).isLessThan(deadline);
            sleep(100);
            seen = instance(app);
        }
        assertThat(runtime.slot(STAGE, app.key()).active.process.pid()).isNotEqualTo(first.pid());
        assertThat(fetch(seen.get("url").asString())).startsWith("HTTP/1.1 200");
    }

    @Test
    void undeployStopsTheAppAndRemovesItsFiles() throws Exception {
        useProcessDriver("{}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        ProcessHandle process = runtime.slot(STAGE, app.key()).active.process;
        String url = instance(app).get("url").asString();
        assertThat(api.get(EXT + "/assets/" + app.key() + "/instance/logs?lines=5").json().get("lines").toString())
                .contains("hello-settings listening on port");

        String op = start("""
                {"operation":"Undeploy","assetKey":"%s","environmentKey":"%s"}""".formatted(app.key(), STAGE));
        assertThat(awaitEnd(op, 30_000).get("status").asString()).isEqualTo("Finished");
        assertThat(process.isAlive()).isFalse();
        assertThat(runtime.files.assetDir(STAGE, app.key())).doesNotExist();
        assertThat(instance(app).get("state").asString()).isEqualTo("NotDeployed");
        assertThat(reachable(url)).isFalse();
    }

    @Test
    void aBuildWithoutAnArtifactEndsFinishedWithErrorNamingWhy() {
        useProcessDriver("{}");
        TestApp plain = newApp();
        String op = start("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                .formatted(plain.key(), plain.release1(), STAGE));
        assertThat(awaitEnd(op, 30_000).get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(String.join("\n", messages(op))).contains("has no artifact");
    }

    private static boolean reachable(String url) {
        try {
            fetch(url);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> secretOnDisk(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(runtime.files.root())) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(secret);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
