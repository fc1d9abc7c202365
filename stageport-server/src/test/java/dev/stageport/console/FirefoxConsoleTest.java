package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in Firefox: Debian's firefox-esr, headless, driven over WebDriver BiDi by
 * {@link FirefoxBiDi} (Firefox has no driver in Debian), against the server on a random port.
 * Skipped where no Firefox is installed (CI installs it, see .ci/run); ConsoleBrowserTest covers
 * the rest of the console in Chromium, this covers the paths a person takes first.
 */
class FirefoxConsoleTest extends ServerTest {

    static final Path FIREFOX = Path.of(System.getProperty("stageport.firefox", "/usr/bin/firefox-esr"));
    static final String QA = ConsoleBrowserTest.QA;
    static final String PRODUCTION = ConsoleBrowserTest.PRODUCTION;
    static final Duration LIVE_WAIT = ConsoleBrowserTest.LIVE_WAIT;
    static final String STAGE_HEADINGS = "() => [...document.querySelectorAll('#matrix thead th')]"
            + ".map(th => th.textContent.trim()).join('|')";

    private static FirefoxBiDi firefox;

    @BeforeAll
    static void startFirefox() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(FIREFOX), "no Firefox at " + FIREFOX
                + " (apt-get install firefox-esr, or -Dstageport.firefox=<path>)");
        firefox = FirefoxBiDi.start(FIREFOX);
    }

    @AfterAll
    static void stopFirefox() {
        if (firefox != null) {
            firefox.close();
        }
    }

    @Test
    void anAdminSeesTheDemoComparesQaWithProductionAndWatchesADeployFinishLive() throws Exception {
        TestApp app = newApp();
        for (String stage : List.of(QA, PRODUCTION)) {
            deployed(app, app.release1(), 1, stage);
        }
        signIn("admin", ADMIN_PASSWORD);

        String headings = firefox.text(STAGE_HEADINGS);
        // the whole suite's apps sort before the demo's and fill the first page: filter as a user would
        firefox.open(baseUrl() + "/console?name=Hello");
        String demo = firefox.text("() => document.querySelector(\"#matrix tr[data-asset='"
                + ConsolePagesTest.HELLO + "']\")?.textContent ?? ''");
        firefox.open(baseUrl() + "/console/assets/" + app.key() + "/compare?from=" + QA + "&to=" + PRODUCTION);
        String greeting = firefox.text("() => document.querySelector(\"#compare tr[data-setting='Greeting']\")"
                + "?.textContent ?? ''");
        firefox.open(baseUrl() + "/console/assets/" + app.key());
        firefox.call("""
                (build, stage) => {
                  const form = [...document.querySelectorAll('form.deploy')]
                      .find(f => f.querySelector("input[name='buildKey']").value === build);
                  form.querySelector("select[name='environmentKey']").value = stage;
                  form.querySelector('button').click();
                }""", app.release2(), QA);
        // the confirm page: the analysis and policy of that revision in QA, then Start
        firefox.waitUntil("() => document.getElementById('start') !== null", LIVE_WAIT, "the deploy's confirm page");
        firefox.call("() => document.getElementById('start').click()");
        // the operation page follows the server's event stream until the operation ends: no reload here
        firefox.waitUntil("() => location.pathname.includes('/console/operations/')"
                + " && document.querySelector('#live[sse-connect]') !== null"
                + " && document.getElementById('op-status')?.textContent.trim() === 'Finished'", LIVE_WAIT,
                "the live operation page showing Finished");
        String messages = firefox.text("() => document.getElementById('messages').textContent.trim()");
        byte[] screenshot = firefox.screenshot();

        assertThat(headings).contains("Development", "QA", "Production");
        assertThat(demo).contains("Hello Settings");
        assertThat(greeting).contains("Greeting", "Hi");
        assertThat(messages).isNotBlank();
        assertThat(screenshot).as("a PNG of the live page").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aStageTheUserMayNotViewIsNotShown() {
        String name = "ff-qa-only-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "password-" + UUID.randomUUID();
        assertThat(api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"" + QA + "\"}]}").status()).isEqualTo(201);
        signIn(name, password);

        String headings = firefox.text(STAGE_HEADINGS);
        firefox.open(baseUrl() + "/console/operations");
        String history = firefox.text("() => document.querySelector('main').textContent");
        String nav = firefox.text("() => document.querySelector('header nav').textContent");

        assertThat(headings).contains("QA").doesNotContain("Development", "Production");
        assertThat(history).doesNotContain("Production", "Development");
        assertThat(nav).contains("Approvals").doesNotContain("Audit log");
    }

    private void signIn(String username, String password) {
        firefox.deleteCookies();
        firefox.open(baseUrl() + "/console/login");
        firefox.call("""
                (username, password) => {
                  document.getElementById('username').value = username;
                  document.getElementById('password').value = password;
                  document.getElementById('sign-in').click();
                }""", username, password);
        firefox.waitUntil("() => document.getElementById('matrix') !== null", LIVE_WAIT,
                "signing in as " + username + " leading to stages × assets");
    }

    private void deployed(TestApp app, String build, int revision, String stage) throws InterruptedException {
        String ops = ConsoleBrowserTest.OPS;
        var started = api.post(ops, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), build, revision, stage));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(awaitStatus(api, ops + "/" + started.json().get("key").asString(), "Running").get("status")
                .asString()).isEqualTo("Finished");
    }
}
