package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.OdcClient;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline without 'stages' follows the stages' order, which the portfolio API can change. */
class CliPromotionPathTest {

    private static final String QA = "d0000000-0000-4000-8000-000000000002";
    private static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";

    @TempDir
    Path dir;

    @Test
    void promoteWithoutStagesGoesThroughEveryStageInTheirOrder() throws Exception {
        OdcClient api = new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID, RunningServer.CLIENT_SECRET);
        Path pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, "asset: Hello Settings\nrevision: latest\n");
        api.patch("/api/portfolios/v2/environments", Map.of("environments", java.util.List.of(
                Map.of("key", QA, "order", 7))));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = StageportCli.run(new String[] {"promote", pipeline.toString(), "--poll-fast", "100ms"},
                    new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                            new BufferedReader(new StringReader("")), Map.of(
                                    "STAGEPORT_CONFIG_DIR", dir.resolve("config").toString(),
                                    "STAGEPORT_URL", RunningServer.url(),
                                    "STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID,
                                    "STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET),
                            Clock.systemUTC(), false));
            assertThat(code).as(err.toString()).isZero();
            String text = out.toString();
            assertThat(text.indexOf("== Development")).isNotNegative()
                    .isLessThan(text.indexOf("== Production"));
            assertThat(text.indexOf("== Production")).isLessThan(text.indexOf("== QA"));
        } finally {
            api.patch("/api/portfolios/v2/environments", Map.of("environments", java.util.List.of(
                    Map.of("key", QA, "order", 1), Map.of("key", PRODUCTION, "order", 2))));
        }
    }
}
