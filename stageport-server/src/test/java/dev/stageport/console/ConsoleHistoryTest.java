package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operations page filters as the API's list does: the same query shows the same operations. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class ConsoleHistoryTest extends ServerTest {

    private static final String OPS = "/api/deployments/v1/deployment-operations";
    private static final Pattern ROW = Pattern.compile("href=\"/console/operations/([0-9a-f-]{36})\"");

    private ConsoleSession viewer() {
        return ConsoleSession.newUser(api, baseUrl(), "history-" + UUID.randomUUID().toString().substring(0, 8),
                "[{\"permission\":\"StageView\",\"environmentKey\":\"*\"},"
                        + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"*\"},"
                        // the permission filter keeps stages where the caller may deploy, for the API's client too
                        + "{\"permission\":\"AppDeploy\",\"environmentKey\":\"" + ConsolePagesTest.QA + "\"}]");
    }

    private String deployed(TestApp app, String build, int revision) throws InterruptedException {
        var started = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), build, revision, ConsolePagesTest.QA));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String key = started.json().get("key").asString();
        awaitStatus(api, OPS + "/" + key, "Running");
        return key;
    }

    private static Set<String> rows(String page) {
        Set<String> keys = new HashSet<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void theSameQueryShowsTheSameOperationsAsTheApi() throws InterruptedException {
        TestApp app = newApp();
        deployed(app, app.release1(), 1);
        String second = deployed(app, app.release2(), 2);
        String query = "assetKey=" + app.key() + "&revision=2&operations=Deploy&environmentKey=" + ConsolePagesTest.QA
                + "&createdDateSince=2020-01-01T00:00:00Z&permissionFilter=AppDeploy&sort=-CreatedAt";

        Set<String> shown = rows(viewer().get("/console/operations?" + query).body());
        Set<String> listed = new HashSet<>();
        for (JsonNode row : api.get(OPS + "?" + query).json().get("results")) {
            listed.add(row.get("key").asString());
        }

        assertThat(listed).containsExactly(second);
        assertThat(shown).isEqualTo(listed);
    }

    @Test
    void theFiltersStayFilledInAndAMalformedOneIsA400PageNamingIt() {
        ConsoleSession browser = viewer();

        String page = browser.get("/console/operations?revision=7&createdDateTo=2030-01-01T00:00:00Z"
                + "&operations=ApplyConfigs").body();
        var bad = browser.get("/console/operations?createdDateSince=yesterday");

        assertThat(page).contains("name=\"revision\" type=\"number\" min=\"1\" value=\"7\"",
                "value=\"2030-01-01T00:00:00Z\"", "<option value=\"ApplyConfigs\" selected=\"selected\">");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("createdDateSince");
    }
}
