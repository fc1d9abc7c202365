package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.runtime.process.router.RouterFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Activate fails after the candidate started: the candidate must not outlive the operation. */
class ProcessActivateFailureTest extends ProcessTestSupport {

    private Function<Path, List<String>> original;

    @AfterEach
    void restoreRouterCommand() {
        if (original != null) {
            runtime.routers.command = original;
        }
    }

    @Test
    void whenTheStageRouterCannotStartTheStartedCandidateIsStoppedAndTheOperationSaysWhy() throws Exception {
        useProcessDriver("{\"healthTimeoutSeconds\":30}");
        HelloApp app = newHelloApp(helloRun(), helloRun());
        assertThat(RouterFile.read(runtime.files.stageDir(STAGE))).as("no router runs for the stage yet").isEmpty();
        original = runtime.routers.command;
        runtime.routers.command = dir -> List.of("sh", "-c", "echo router cannot bind >&2; exit 1");

        String op = deploy(app, 1);

        assertThat(awaitEnd(op, 60_000).get("status").asString()).isEqualTo("FinishedWithError");
        assertThat(String.join("\n", messages(op))).contains("stable address could not be opened")
                .contains("router cannot bind").contains("new instance was stopped");
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
