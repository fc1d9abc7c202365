package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.OdcClient;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stageport graph` and `stageport analyze` against a real server. */
class CliDependencyCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path config;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("STAGEPORT_CONFIG_DIR", config.toString());
        env.put("STAGEPORT_URL", RunningServer.url());
        env.put("STAGEPORT_CLIENT_ID", RunningServer.CLIENT_ID);
        env.put("STAGEPORT_CLIENT_SECRET", RunningServer.CLIENT_SECRET);
        return StageportCli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), env, Clock.systemUTC(), false));
    }

    @Test
    void graphPrintsATreeOrJson() {
        assertThat(run("graph", "Hello Settings", "--stage", "QA")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(CliReadCommandsTest.APP + " revision 2", "(no producers)");
        assertThat(run("graph", CliReadCommandsTest.APP, "--revision", "1", "--output", "json")).isZero();
        assertThat(JSON.readTree(out.toString()).isArray()).isTrue();
        assertThat(JSON.readTree(out.toString())).isEmpty();
    }

    @Test
    void graphShowsTheProducerAndAnalyzeExitsOneWhenTheProducerIsNotDeployed() throws Exception {
        UUID producer = UUID.randomUUID();
        UUID consumer = UUID.randomUUID();
        uploadProducerAndConsumer(producer, consumer);

        assertThat(run("graph", consumer.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(consumer + " revision 1", "  Cli producer", "WebApplication, revision 1, "
                + producer);
        assertThat(run("graph", consumer.toString(), "--output", "json")).isZero();
        assertThat(JSON.readTree(out.toString()).get(0).get("key").asString()).isEqualTo(producer.toString());

        assertThat(run("analyze", consumer.toString(), "--stage", "QA")).as(err.toString())
                .isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(out.toString()).contains("Finished, ErrorsFound", "Error Producer " + producer,
                "MissingApplication");
        assertThat(run("analyze", consumer.toString(), "--stage", "QA", "--output", "json"))
                .isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(JSON.readTree(out.toString()).get("report").get("status").asString()).isEqualTo("ErrorsFound");
    }

    @Test
    void deployWithProducersDeploysTheMissingProducerFirstAndLeavesARunningOneAlone() throws Exception {
        UUID producer = UUID.randomUUID();
        UUID consumer = UUID.randomUUID();
        String producerName = uploadProducerAndConsumer(producer, consumer);
        build(consumer);

        assertThat(run("deploy", "--stage", "QA", "--asset", consumer.toString(), "--with-producers", "--wait",
                "--poll-fast", "100ms"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("producer " + producerName + " revision 1 has no finished Release build",
                "stageport build " + producer);
        assertThat(run("status", "--stage", "QA", "--output", "json")).isZero();
        assertThat(out.toString()).doesNotContain(consumer.toString());

        build(producer);
        assertThat(run("deploy", "--stage", "QA", "--asset", consumer.toString(), "--with-producers", "--wait",
                "--poll-fast", "100ms"))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("stageport: deploying producer " + producerName + " revision 1 first");
        assertThat(run("status", "--stage", "QA", "--output", "json")).isZero();
        assertThat(out.toString()).contains(producer.toString(), consumer.toString());

        assertThat(run("deploy", "--stage", "QA", "--asset", consumer.toString(), "--with-producers", "--wait",
                "--poll-fast", "100ms"))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("stageport: producer " + producerName + " revision 1 already runs there")
                .doesNotContain("deploying producer");
    }

    @Test
    void promoteWithProducersDeploysTheProducerInEachStageBeforeTheAsset() throws Exception {
        UUID producer = UUID.randomUUID();
        UUID consumer = UUID.randomUUID();
        String producerName = uploadProducerAndConsumer(producer, consumer);
        build(producer);
        build(consumer);
        Path pipeline = config.resolve("pipeline.yaml");
        java.nio.file.Files.writeString(pipeline, "asset: " + consumer + "\nstages:\n  - stage: Development\n");

        assertThat(run("promote", pipeline.toString(), "--with-producers", "--poll-fast", "100ms"))
                .as(err.toString()).isZero();

        assertThat(err.toString()).contains("stageport: deploying producer " + producerName + " revision 1 first");
        assertThat(out.toString()).contains("== Development: deploying revision 1");
        assertThat(run("status", "--stage", "Development", "--output", "json")).isZero();
        assertThat(out.toString()).contains(producer.toString(), consumer.toString());
    }

    /** A producer offering Ping and a consumer using it, each at revision 1; returns the producer's name. */
    private static String uploadProducerAndConsumer(UUID producer, UUID consumer) throws Exception {
        String producerName = "Cli producer " + producer.toString().substring(0, 8);
        upload(manifest(producer, producerName, "\"publicElements\": [{\"key\": \"Ping\", \"type\": \"ServiceAction\"}]"));
        upload(manifest(consumer, "Cli consumer " + consumer.toString().substring(0, 8),
                "\"references\": [{\"assetKey\": \"" + producer + "\", \"elements\": [\"Ping\"]}]"));
        return producerName;
    }

    private void build(UUID asset) {
        assertThat(run("build", asset.toString(), "--revision", "1", "--wait", "--poll-fast", "100ms"))
                .as(err.toString()).isZero();
    }

    private static String manifest(UUID key, String name, String extra) {
        return "{\"formatVersion\": 1, \"assetKey\": \"" + key + "\", \"name\": \"" + name + "\","
                + " \"type\": \"WebApplication\", " + extra + ", \"run\": {\"command\": [\"sh\", \"run.sh\"]}}";
    }

    private static void upload(String manifest) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifest.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        String token = new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID, RunningServer.CLIENT_SECRET)
                .tokens().token();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RunningServer.url() + "/api/asset-repository/v1/assets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void analyzeReportsTheStatusAndNeedsAStage() {
        assertThat(run("analyze", "Hello Settings", "--stage", "QA")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Finished, NoIssuesFound");
        assertThat(run("analyze", "Hello Settings")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--stage");
        assertThat(run("analyze", "Hello Settings", "--stage", "QA", "--revision", "99"))
                .isNotEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("revision");
    }
}
