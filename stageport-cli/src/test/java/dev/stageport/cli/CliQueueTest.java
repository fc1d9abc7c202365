package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.OdcClient;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deploy --queue} against the shared server. The test uploads an asset of its own, so
 * no other test's operations hold its target, and lets the held operation end when the queued
 * command says it waits: nothing depends on how long anything takes.
 */
class CliQueueTest {

    private static final String QA = "d0000000-0000-4000-8000-000000000002";

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    @Test
    void deployWithQueueWaitsForTheOperationRunningOnItsTargetThenDeploys() throws Exception {
        String asset = UUID.randomUUID().toString();
        assertThat(cli(null, "upload", CliUploadBuildTest.bundle(dir, UUID.fromString(asset), "Queued " + asset)
                .toString()).code()).isZero();
        Result built = cli(null, "build", asset, "--revision", "1", "--wait", "--poll-fast", "100ms");
        assertThat(built.code()).as(built.err()).isZero();
        OdcClient api = new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID, RunningServer.CLIENT_SECRET);
        String simulation = "/api/stageport/v1/environments/" + QA + "/assets/" + asset + "/simulation";
        api.put(simulation, Map.of("stepMillis", 60000));
        Result first = cli(null, "deploy", "--stage", "QA", "--asset", asset, "--output", "json");
        assertThat(first.code()).as(first.err()).isZero();
        String holding = JsonMapper.builder().build().readTree(first.out()).get("key").asString();

        NoticeWriter err = new NoticeWriter("waiting for it to end");
        CompletableFuture<Result> queued = CompletableFuture.supplyAsync(() -> cli(err, "deploy", "--stage", "QA",
                "--asset", asset, "--queue", "--wait"));
        assertThat(err.seen.await(2, TimeUnit.MINUTES)).as("the queued deploy says it waits: " + err).isTrue();
        api.put(simulation, Map.of("stepMillis", 0));
        api.post(OpsCommand.CANCEL.formatted(holding), Map.of("reason", "make way for the queued deploy"));
        Result second = queued.get(2, TimeUnit.MINUTES);

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("stageport: operation " + holding + " is running on this stage and asset;"
                + " waiting for it to end before starting (--queue)");
        assertThat(second.out()).contains("Deploy", "Finished", "QA", "Queued " + asset).doesNotContain(holding)
                .doesNotContain("FinishedWithError");
        assertThat(api.get(Operations.DEPLOYMENTS + "/" + holding).path("status").asString())
                .isEqualTo("FinishedWithError");
    }

    private Result cli(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        StringWriter errors = err != null ? err : new StringWriter();
        Map<String, String> env = Map.of("STAGEPORT_CONFIG_DIR", dir.resolve("config").toString(),
                "STAGEPORT_URL", RunningServer.url(), "STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID,
                "STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET);
        int code = StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(errors, true),
                new BufferedReader(new StringReader("")), env, Clock.systemUTC(), false));
        return new Result(code, out.toString(), errors.toString());
    }

    /** Stderr that tells the test when the CLI has written a given text: a hook, not a sleep. */
    private static final class NoticeWriter extends StringWriter {
        private final String notice;
        final CountDownLatch seen = new CountDownLatch(1);

        NoticeWriter(String notice) {
            this.notice = notice;
        }

        @Override
        public void flush() {
            super.flush();
            if (toString().contains(notice)) {
                seen.countDown();
            }
        }
    }
}
