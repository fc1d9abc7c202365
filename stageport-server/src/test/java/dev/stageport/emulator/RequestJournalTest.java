package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestJournalTest extends EmulatorServerTest {

    private static final String REQUESTS = EMULATOR + "/requests";

    @Test
    void recentRequestsAreListedWithStatusCallerAndDuration() {
        String qa = "/api/stageport/v1/environments/" + QA + "/policy";
        api.get(qa);
        api.withToken("not-a-token").get(qa);

        List<JsonNode> entries = journal("GET", "/api/stageport/v1/environments/{key}/policy");
        assertThat(entries).hasSize(2);
        JsonNode ok = entries.get(0);
        assertThat(ok.get("path").asString()).isEqualTo(qa);
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("clientId").asString()).isEqualTo(CLIENT_ID);
        assertThat(ok.get("durationMillis").asLong()).isNotNegative();
        assertThat(ok.get("traceId").asString()).isNotBlank();
        assertThat(Instant.parse(ok.get("at").asString())).isBeforeOrEqualTo(clock.instant());
        JsonNode refused = entries.get(1);
        assertThat(refused.get("status").asInt()).isEqualTo(401);
        assertThat(refused.has("clientId")).isFalse();
    }

    @Test
    void tokensAndSecretsInPathsAndQueriesAreRedacted() {
        api.get("/api/builds/v1/build-operations?limit=5&access_token=sesame-123&client_secret=hush-456");
        api.send("PUT", "/api/asset-repository/v1/uploads/upload-token-789", "application/octet-stream",
                new byte[] {1});
        String all = api.get(REQUESTS).body();
        assertThat(all).contains("limit=5&access_token=REDACTED&client_secret=REDACTED")
                .contains("/api/asset-repository/v1/uploads/REDACTED")
                .doesNotContain("sesame-123").doesNotContain("hush-456").doesNotContain("upload-token-789")
                .doesNotContain(api.token());
    }

    @Test
    void filtersByMethodPathAndTime() throws Exception {
        api.get("/api/builds/v1/build-operations");
        Thread.sleep(5);
        Instant since = clock.instant();
        api.get("/api/portfolios/v1/environments");
        api.delete("/api/stageport/v1/api-clients/no-such-client");

        assertThat(journal("GET", "/api/builds/v1/build-operations")).hasSize(1);
        assertThat(journal("DELETE", "/api/stageport/v1/api-clients/{clientId}")).hasSize(1);
        JsonNode recent = api.get(REQUESTS + "?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))
                .json().get("results");
        assertThat(recent).extracting(e -> e.get("path").asString())
                .containsExactly("/api/portfolios/v1/environments", "/api/stageport/v1/api-clients/no-such-client");
    }

    @Test
    void deleteClearsTheJournalAndItsCapacityIsShown() {
        api.get("/api/portfolios/v1/environments");
        JsonNode before = api.get(REQUESTS).json();
        assertThat(before.get("results")).isNotEmpty();
        assertThat(before.get("capacity").asInt()).isEqualTo(1000);
        assertThat(api.delete(REQUESTS).status()).isEqualTo(204);
        assertThat(api.get(REQUESTS).json().get("results")).isEmpty();
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        assertNames(REQUESTS + "?since=yesterday", "'since'");
        assertNames(REQUESTS + "?method=BREW", "'method'");
        assertNames(REQUESTS + "?path=nope", "'path'");
    }

    @Test
    void theJournalKeepsOnlyTheNewestEntries() {
        RequestJournal small = new RequestJournal(2);
        for (int i = 0; i < 3; i++) {
            small.record(new JournalEntry(Instant.EPOCH, "GET", "/p" + i, null, 200, null, 0, null, null));
        }
        assertThat(small.list(new dev.stageport.identity.Caller("c", java.util.Map.of(
                dev.stageport.identity.Permission.EMULATOR_CONTROL, java.util.Set.of("*"))), null, null, null))
                .extracting(JournalEntry::path).containsExactly("/p1", "/p2");
    }

    private void assertNames(String path, String parameter) {
        Api.Response r = api.get(path);
        assertThat(r.problem(400).get("detail").asString()).contains(parameter);
    }
}
