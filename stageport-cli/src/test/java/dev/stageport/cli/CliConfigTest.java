package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.OdcClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** config set refuses secrets from argv; config diff asks the server; global options go anywhere. */
class CliConfigTest extends CliReadCommandsTest {

    private static final String QA = "d0000000-0000-4000-8000-000000000002";
    private static final String PAYMENT_API_KEY = "c0000000-0000-4000-8000-000000000003";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static int historyEntries(String key) {
        OdcClient client = new OdcClient(RunningServer.url(), RunningServer.CLIENT_ID, RunningServer.CLIENT_SECRET);
        return client.get("/api/stageport/v1/environments/" + QA + "/applications/" + APP
                + "/configuration-history?key=" + key).path("page").path("totalResults").asInt();
    }

    @Test
    void aSecretGivenWithSetExitsTwoNamingTheSafeOptionsAndNothingIsStored() {
        int before = historyEntries(PAYMENT_API_KEY);
        int code = run(credentials(), "", "config", "set", "--stage", "QA", "--asset", "Hello Settings",
                "--revision", "2", "--set", "GreetingText=Hello", "--set", "PaymentApiKey=sk-from-argv");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--secret-env", "--secret-stdin", "--file")
                .doesNotContain("sk-from-argv");
        assertThat(historyEntries(PAYMENT_API_KEY)).isEqualTo(before);
    }

    @Test
    void aSecretFromStdinIsStillAccepted() {
        int before = historyEntries(PAYMENT_API_KEY);
        int code = run(credentials(), "sk-from-stdin\n", "config", "set", "--stage", "QA", "--asset",
                "Hello Settings", "--revision", "2", "--secret-stdin", "PaymentApiKey");
        assertThat(code).as(err.toString()).isZero();
        assertThat(historyEntries(PAYMENT_API_KEY)).isEqualTo(before + 1);
    }

    @Test
    void diffShowsWhatTheServerComparedIncludingPendingValues() {
        assertThat(run(credentials(), "", "config", "set", "--stage", "QA", "--asset", "Hello Settings",
                "--revision", "2", "--set", "GreetingText=Hello diff")).isZero();
        int code = run(credentials(), "", "--output", "json", "config", "diff", "--asset", "Hello Settings",
                "--from", "QA", "--to", "Production");
        assertThat(code).as(err.toString()).isZero();
        JsonNode greeting = null;
        for (JsonNode item : JSON.readTree(out.toString()).get("items")) {
            if ("GreetingText".equals(item.path("name").asString())) {
                greeting = item;
            }
        }
        assertThat(greeting).as(out.toString()).isNotNull();
        assertThat(greeting.get("from").get("value").asString()).isEqualTo("Hello diff");
        assertThat(greeting.get("from").get("pending").asBoolean()).isTrue();

        assertThat(run(credentials(), "", "config", "diff", "--asset", "Hello Settings", "--from", "QA", "--to",
                "QA")).isEqualTo(ExitCode.REJECTED);
        assertThat(err.toString()).contains("'from'", "'to'");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        Map<String, String> env = credentials();
        assertThat(run(env, "", "--output", "json", "stages")).as(err.toString()).isZero();
        String before = out.toString();
        assertThat(run(env, "", "stages", "--output", "json")).isZero();
        assertThat(JSON.readTree(before)).isEqualTo(JSON.readTree(out.toString()));
        assertThat(run(env, "", "--url", "http://127.0.0.1:1", "-o", "json", "--debug", "stages"))
                .isEqualTo(ExitCode.SERVER);
        assertThat(err.toString()).contains("cannot reach http://127.0.0.1:1");
        assertThat(run(env, "", "--url=http://127.0.0.1:1", "config", "get", "--stage", "QA", "--asset", "x"))
                .isEqualTo(ExitCode.SERVER);
    }
}
