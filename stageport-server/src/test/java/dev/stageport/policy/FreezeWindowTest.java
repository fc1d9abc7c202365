package dev.stageport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Freeze windows: their edges, a time-zone change, the override with its reason, bad input. */
class FreezeWindowTest extends ReleaseSafetySupport {

    static final String WINDOWS = "/api/stageport/v1/environments/" + DemoData.PRODUCTION + "/freeze-windows";
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @AfterEach
    void removeWindows() {
        for (JsonNode w : api.get(WINDOWS).json().get("results")) {
            api.delete(WINDOWS + "/" + w.get("key").asString());
        }
    }

    private String window(String json) {
        Api.Response r = api.post(WINDOWS, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private HttpResponse<String> frozen(Api client, String body, String... headers) {
        HttpResponse<String> r = client.withHeaders("POST", OPS, body, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("StageFrozen", "Release freeze");
        return r;
    }

    @Test
    void aOneOffWindowRefusesDeployUndeployAndApplyConfigsFromTheMinuteItOpensUntilTheMinuteItCloses() {
        TestApp app = newApp();
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        Instant end = start.plus(Duration.ofMinutes(60));
        String key = window("{\"name\": \"Release freeze\", \"start\": \"" + start + "\", \"end\": \"" + end + "\"}");

        clock.advance(Duration.between(clock.instant(), start.minus(Duration.ofMinutes(1))));
        deployed(DemoData.PRODUCTION, app, app.release1(), 1);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> refused = frozen(api, deployBody(DemoData.PRODUCTION, app.key(), app.release2(), 2));
        assertThat(refused.body()).contains(key, end.toString());
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        frozen(api, opBody("Undeploy", DemoData.PRODUCTION, app.key()));
        frozen(api, opBody("ApplyConfigs", DemoData.PRODUCTION, app.key()));
        JsonNode listed = api.get(WINDOWS).json().get("results").get(0);
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("nextOccurrence").get("end").asString()).isEqualTo(end.toString());

        clock.advance(Duration.ofMinutes(59));
        assertThat(frozen(api, opBody("Undeploy", DemoData.PRODUCTION, app.key())).headers()
                .firstValue("Retry-After")).hasValue("60");
        clock.advance(Duration.ofMinutes(1));
        start(api, opBody("Undeploy", DemoData.PRODUCTION, app.key()));
    }

    @Test
    void aRecurringWindowFollowsItsTimeZoneAcrossADaylightSavingChange() {
        Instant now = clock.instant();
        Instant change = LISBON.getRules().nextTransition(now).getInstant();
        LocalDate before = change.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate after = before.plusDays(2);
        window("{\"name\": \"Release freeze\", \"cron\": \"0 9 * * *\", \"durationMinutes\": 60,"
                + " \"timeZone\": \"Europe/Lisbon\"}");

        for (LocalDate day : new LocalDate[] {before, after}) {
            Instant opens = ZonedDateTime.of(day, LocalTime.of(9, 0), LISBON).toInstant();
            JsonNode early = at(day.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(early.get("active").asBoolean()).isFalse();
            assertThat(early.get("nextOccurrence").get("start").asString()).as("09:00 in Lisbon on %s", day)
                    .isEqualTo(opens.toString());
            assertThat(at(opens).get("active").asBoolean()).as("the minute it opens").isTrue();
            assertThat(at(opens.plus(Duration.ofMinutes(59))).get("active").asBoolean()).isTrue();
            assertThat(at(opens.plus(Duration.ofMinutes(60))).get("active").asBoolean()).as("the minute it closes")
                    .isFalse();
        }
        Instant first = ZonedDateTime.of(before, LocalTime.of(9, 0), LISBON).toInstant();
        Instant second = ZonedDateTime.of(after, LocalTime.of(9, 0), LISBON).toInstant();
        assertThat(Duration.between(first, second)).as("two days apart, one hour moved by the change")
                .isIn(Duration.ofHours(47), Duration.ofHours(49));
    }

    private JsonNode at(Instant when) {
        Api.Response r = api.get(WINDOWS + "?at=" + when);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("results").get(0);
    }

    @Test
    void aClientWithOverrideFreezeProceedsAndItsReasonIsInTheFirstMessageAndTheAuditLog() {
        TestApp app = newApp();
        Instant now = clock.instant();
        window("{\"name\": \"Release freeze\", \"start\": \"" + now.minus(Duration.ofMinutes(1)) + "\", \"end\": \""
                + now.plus(Duration.ofMinutes(30)) + "\"}");
        String body = deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1);
        Api deployer = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.PRODUCTION)));
        HttpResponse<String> refused = deployer.withHeaders("POST", OPS, body, "Stageport-Freeze-Override", "please");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("Release management > Override freeze");

        String id = "overrider-" + UUID.randomUUID();
        Api overrider = clientWith(id, Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.PRODUCTION),
                Permission.OVERRIDE_FREEZE, Set.of(DemoData.PRODUCTION)));
        frozen(overrider, body);
        HttpResponse<String> created = overrider.withHeaders("POST", OPS, body,
                "Stageport-Freeze-Override", "hotfix for INC-42");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = Api.JSON.readTree(created.body()).get("key").asString();
        tickUntilIdle();
        assertThat(status(key)).isEqualTo("Finished");
        assertThat(messages(key).get(0)).contains("Freeze window 'Release freeze'", "overridden by " + id,
                "hotfix for INC-42");
        JsonNode audit = api.get("/api/stageport/v1/audit-events?clientId=" + id + "&status=201").json()
                .get("results");
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("freeze override: hotfix for INC-42");
    }

    @Test
    void badWindowsAre400NamingTheFieldAndNothingIsStored() {
        String[][] cases = {
            {"{\"name\": \"x\", \"start\": \"2030-01-02T00:00:00Z\", \"end\": \"2030-01-01T00:00:00Z\"}", "end"},
            {"{\"name\": \"x\", \"start\": \"tomorrow\", \"end\": \"2030-01-01T00:00:00Z\"}", "start"},
            {"{\"name\": \"x\", \"start\": \"2030-01-01T00:00:00Z\"}", "end"},
            {"{\"name\": \"x\", \"cron\": \"every friday\", \"durationMinutes\": 60, \"timeZone\": \"UTC\"}", "cron"},
            {"{\"name\": \"x\", \"cron\": \"0 16 * * FRI\", \"durationMinutes\": 60, \"timeZone\": \"Mars/Olympus\"}",
                "timeZone"},
            {"{\"name\": \"x\", \"cron\": \"0 16 * * FRI\", \"durationMinutes\": 0, \"timeZone\": \"UTC\"}",
                "durationMinutes"},
            {"{\"cron\": \"0 16 * * FRI\", \"durationMinutes\": 60, \"timeZone\": \"UTC\"}", "name"},
            {"{\"name\": \"x\", \"start\": \"2030-01-01T00:00:00Z\", \"end\": \"2030-01-02T00:00:00Z\","
                + " \"cron\": \"0 16 * * FRI\"}", "cron"}};
        for (String[] bad : cases) {
            JsonNode problem = api.post(WINDOWS, bad[0]).problem(400);
            assertThat(problem.get("detail").asString()).as(bad[0]).contains("'" + bad[1] + "'");
        }
        assertThat(api.get(WINDOWS).json().get("results")).isEmpty();
        api.get(WINDOWS + "?at=noon").problem(400);
    }

    @Test
    void aDeletedWindowNoLongerFreezesAndAnUnknownOneIs404() {
        TestApp app = newApp();
        Instant now = clock.instant();
        String key = window("{\"name\": \"Release freeze\", \"start\": \"" + now + "\", \"end\": \""
                + now.plus(Duration.ofHours(1)) + "\"}");
        frozen(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
        assertThat(api.delete(WINDOWS + "/" + key).status()).isEqualTo(204);
        api.delete(WINDOWS + "/" + key).problem(404);
        start(api, deployBody(DemoData.PRODUCTION, app.key(), app.release1(), 1));
    }
}
