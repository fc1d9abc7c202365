package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Activate fails after the candidate started: the candidate must not outlive the operation. */
class ProcessActivateFailureTest extends ProcessTestSupport {

    private ExecutorService original;

    @AfterEach
    void restoreThreads() {
        if (original != null) {
            runtime.threads = original;
        }
    }

    @Test
    void whenTheStableEndpointCannotOpenTheStartedCandidateIsStoppedAndTheOperationSaysWhy() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":30}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        // the endpoint's accept loop cannot start: what a server stopping during an Activate sees
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        original = runtime.threads;
        runtime.threads = stopped;

        String op = deploy(app, 1);

        assertThat(awaitEnd(op, 60_000).get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(String.join("\n", messages(op))).contains("stable address could not be opened")
                .contains("new instance was stopped");
        assertThat(runtime.files.children(runtime.files.assetDir(STAGE, app.key()))).as("instance folders").isEmpty();
        for (long pid : launchedPids(op)) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
        }
        assertThat(launchedPids(op)).isNotEmpty();
    }

    private List<Long> launchedPids(String op) throws Exception {
        return Files.readAllLines(runtime.files.root().resolve(InstanceFiles.JOURNAL)).stream()
                .filter(line -> line.startsWith("launch " + op + " "))
                .map(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).toList();
    }
}
