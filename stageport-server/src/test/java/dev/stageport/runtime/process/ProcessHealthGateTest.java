package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing health gate on the process driver: the stable URL goes back to the previous instance. */
class ProcessHealthGateTest extends ProcessTestSupport {

    private static final String POLICY = EXT + "/policy";

    @AfterEach
    void noGate() {
        assertThat(api.put(POLICY, "{}").status()).isEqualTo(200);
    }

    @Test
    void aRevisionFailingTheGateIsSwitchedBackAndThePreviousInstanceServesEveryRequest() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":30,\"drainMillis\":500}");
        RunSpec unhealthy = new RunSpec(List.of("java", "-cp", "classes", GateFailingApp.class.getName()), "PORT",
                "/health");
        HelloApp app = newHelloApp(helloRun(), unhealthy);
        jdbc.sql("update build set artifact_digest = ? where build_key = ?").params(gateFailingArtifact(),
                app.release2()).update();
        assertThat(awaitEnd(deploy(app, 1), 60_000).get("status").asString()).isEqualTo("Finished");
        String url = instance(app).get("url").asString();
        assertThat(api.put(POLICY, "{\"healthGate\": {\"path\": \"/ready\", \"seconds\": 60, \"failures\": 2}}")
                .status()).isEqualTo(200);

        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger fromRevision2 = new AtomicInteger();
        Thread hammer = new Thread(() -> {
            while (hammering.get()) {
                try {
                    String page = fetch(url);
                    (page.startsWith("HTTP/1.1 200") ? ok : failed).incrementAndGet();
                    if (page.contains(GateFailingApp.PAGE)) {
                        fromRevision2.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        });
        hammer.start();
        String op;
        try {
            op = deploy(app, 2);
            String status = awaitEnd(op, 90_000).get("status").asString();
            assertThat(status).as("%s", messages(op)).isEqualTo("FinishedWithError");
            sleep(200);
        } finally {
            hammering.set(false);
            hammer.join();
        }
        assertThat(failed.get()).as("failed requests through the switch back (of %d)", ok.get() + failed.get())
                .isZero();
        assertThat(fromRevision2.get()).as("revision 2 served between the switch and the switch back").isPositive();
        List<String> messages = messages(op);
        assertThat(messages.get(messages.size() - 1)).contains("GET /ready answered HTTP 503")
                .contains("switched back to revision 1");
        assertThat(fetch(url)).startsWith("HTTP/1.1 200").contains("Hello from hello-settings");
        assertThat(instance(app).get("revision").asInt()).isEqualTo(1);
        assertThat(runtime.files.children(runtime.files.assetDir(STAGE, app.key()))).as("instance folders").hasSize(1);
    }

    /** The compiled GateFailingApp under classes/, as a build artifact in the store. */
    private String gateFailingArtifact() throws Exception {
        String name = GateFailingApp.class.getName().replace('.', '/') + ".class";
        Path compiled = Path.of(GateFailingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(name);
        Path zip = Files.createTempFile(artifacts.scratch("test-"), "gate", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("classes/" + name));
            Files.copy(compiled, out);
        }
        return artifacts.put(zip).digest();
    }
}
