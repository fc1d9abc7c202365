package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by its ChromeDriver, against
 * the server on a random port. Skipped where no Chromium is installed (CI installs it, see .ci/run).
 * With {@code -Dstageport.console.screenshots=<folder>} it saves the screenshots docs/console.md shows.
 */
class ConsoleBrowserTest extends ServerTest {

    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";
    static final Path CHROMIUM = Path.of(System.getProperty("stageport.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("stageport.chromedriver", "/usr/bin/chromedriver"));
    static final String SCREENSHOTS = System.getProperty("stageport.console.screenshots", "");
    static final Duration LIVE_WAIT = Duration.ofSeconds(60);
    static final String OPS = "/api/deployments/v1/deployment-operations";

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium at " + CHROMIUM + " with a ChromeDriver at " + CHROMEDRIVER);
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // the flags keep Chromium off the network (this machine has none) and work as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,860", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminSeesTheDemoComparesQaWithProductionAndWatchesADeployFinishLive() throws Exception {
        TestApp app = appInQaAndProductionWithDifferentValues();
        browser.manage().deleteAllCookies();
        open("/console/login");
        screenshot("sign-in");
        signIn("admin", ADMIN_PASSWORD);

        assertThat(browser.findElements(By.cssSelector("#matrix thead th")).stream().map(WebElement::getText))
                .contains("Development", "QA", "Production");
        // the whole suite's apps sort before the demo's and can fill the first page: filter as a user would
        open("/console?name=Hello");
        assertThat(browser.findElement(By.cssSelector("#matrix tr[data-asset='a0000000-0000-4000-8000-000000000001']"))
                .getText()).contains("Hello Settings", "r1");
        screenshot("stages-assets");

        open("/console/assets/" + app.key() + "/compare?from=" + QA + "&to=" + PRODUCTION);
        WebElement greeting = browser.findElement(By.cssSelector("#compare tr[data-setting='Greeting']"));
        WebElement token = browser.findElement(By.cssSelector("#compare tr[data-setting='Token']"));
        WebElement limit = browser.findElement(By.cssSelector("#compare tr[data-setting='Limit']"));
        assertThat(greeting.getAttribute("class")).contains("differs");
        assertThat(greeting.getText()).contains("Hello from QA", "Hi");
        assertThat(token.getAttribute("class")).contains("differs");
        assertThat(token.getText()).contains("(set)", "(not set)").doesNotContain("qa-secret");
        assertThat(limit.getAttribute("class")).doesNotContain("differs");
        screenshot("compare");

        // QA wants an approval: the live page is open while the Deploy waits, so its end must be pushed
        String policy = "/api/stageport/v1/environments/" + QA + "/policy";
        assertThat(api.put(policy, "{\"requiredApprovals\":1}").status()).isEqualTo(200);
        try {
            deployConfirmAndFollowLive(app);
        } finally {
            api.put(policy, "{}");
        }

        open("/console/operations?assetKey=" + app.key());
        assertThat(browser.findElement(By.id("operations")).getText()).contains("Finished", "user:admin");
        screenshot("operations");
    }

    /** From the asset page through the confirm page to the live page of a Deploy of revision 2 to QA. */
    private void deployConfirmAndFollowLive(TestApp app) throws IOException {
        open("/console/assets/" + app.key());
        screenshot("asset");
        WebElement form = browser.findElement(By.cssSelector("form.deploy:has(input[value='" + app.release2() + "'])"));
        new Select(form.findElement(By.name("environmentKey"))).selectByVisibleText("QA");
        form.findElement(By.cssSelector("button")).click();

        // the confirm page: the analysis and the policy of exactly this revision in QA, then Start
        WebElement start = new WebDriverWait(browser, LIVE_WAIT).until(
                ExpectedConditions.elementToBeClickable(By.id("start")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("revision 2", "QA");
        assertThat(browser.findElement(By.id("analysis")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("policy-approvals")).getText()).contains("1 approval(s) needed");
        screenshot("deploy-confirm");
        start.click();

        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.urlContains("/console/operations/"));
        assertThat(browser.findElements(By.cssSelector("#live[sse-connect]"))).as("following the event stream")
                .hasSize(1);
        String op = browser.getCurrentUrl().replaceAll(".*/console/operations/([0-9a-f-]{36}).*", "$1");
        for (var approval : api.get("/api/stageport/v1/approvals").json().get("results")) {
            if (approval.get("operationKey").asString().equals(op)) {
                assertThat(api.post("/api/stageport/v1/approvals/" + approval.get("key").asString() + "/approve",
                        "{\"comment\":\"pipeline says yes\"}").status()).isEqualTo(200);
            }
        }
        // the event stream updates the page until the operation ends: no reload here, and no polling
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.textToBe(By.id("op-status"), "Finished"));
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("op-ended")));
        assertThat(browser.findElement(By.id("messages")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("cancel"))).as("the ended event removed Cancel").isEmpty();
        screenshot("operation");
    }

    @Test
    void aStageTheUserMayNotViewStaysInvisible() {
        String name = "qa-only-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "password-" + UUID.randomUUID();
        api.post("/api/stageport/v1/console-users", "{\"username\":\"" + name + "\",\"password\":\"" + password
                + "\",\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"" + QA + "\"},"
                + "{\"permission\":\"AssetOpen\",\"environmentKey\":\"" + QA + "\"}]}");
        browser.manage().deleteAllCookies();
        open("/console/login");
        signIn(name, password);

        List<String> stages = browser.findElements(By.cssSelector("#matrix thead th")).stream()
                .map(WebElement::getText).toList();
        open("/console/operations");
        String history = browser.findElement(By.tagName("main")).getText();

        assertThat(stages).contains("QA").doesNotContain("Development", "Production");
        assertThat(history).doesNotContain("Production", "Development");
        assertThat(browser.findElements(By.linkText("Audit log"))).isEmpty();
    }

    @Test
    void aValueSetInTheConsoleIsAppliedLiveAndAWaitingDeployIsApprovedFromTheInbox() throws Exception {
        TestApp app = newApp();
        String policy = "/api/stageport/v1/environments/" + QA + "/policy";
        assertThat(awaitStatus(api, OPS + "/" + started(app.release1(), app), "Running").get("status").asString())
                .isEqualTo("Finished");
        browser.manage().deleteAllCookies();
        open("/console/login");
        signIn("admin", ADMIN_PASSWORD);

        open("/console/assets/" + app.key() + "/configuration/" + QA);
        WebElement greeting = browser.findElement(By.cssSelector("tr[data-setting='Greeting'] form.set-value"));
        greeting.findElement(By.name("value")).clear();
        greeting.findElement(By.name("value")).sendKeys("Hello from the console");
        greeting.findElement(By.cssSelector("button")).click();
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("apply-configs")))
                .click();
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.urlContains("/console/operations/"));
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.textToBe(By.id("op-status"), "Finished"));

        assertThat(api.put(policy, "{\"requiredApprovals\":1,\"approvers\":[\"user:admin\"]}").status())
                .isEqualTo(200);
        try {
            String op = started(app.release2(), app);
            open("/console/approvals");
            WebElement row = new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#approvals tr:has(a[href$='" + op + "'])")));
            row.findElement(By.name("comment")).sendKeys("Checked in QA");
            screenshot("approvals");
            row.findElement(By.cssSelector("button.approve")).click();
            new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.urlContains("/console/approvals"));

            assertThat(awaitStatus(api, OPS + "/" + op, "Running").get("status").asString()).isEqualTo("Finished");
        } finally {
            api.put(policy, "{}");
        }
    }

    /** Starts a Deploy of the build to QA through the API; its key. */
    private String started(String build, TestApp app) {
        var started = api.post(OPS, """
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), build, build.equals(app.release1()) ? 1 : 2, QA));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("key").asString();
    }

    /** A fresh app: revision 1 in QA and Production, QA with its own Greeting and Token. */
    private TestApp appInQaAndProductionWithDifferentValues() throws InterruptedException {
        TestApp app = newApp();
        for (String stage : List.of(QA, PRODUCTION)) {
            var started = api.post("/api/deployments/v1/deployment-operations", """
                    {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":1,"environmentKey":"%s"}"""
                    .formatted(app.key(), app.release1(), stage));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String key = started.json().get("key").asString();
            assertThat(awaitStatus(api, "/api/deployments/v1/deployment-operations/" + key, "Running")
                    .get("status").asString()).isEqualTo("Finished");
        }
        var patched = api.patch("/api/asset-configurations/v1/environments/" + QA + "/applications/" + app.key()
                + "/configurations", """
                {"revisionBaseline":1,"settings":[{"key":"%s","value":"Hello from QA"},{"key":"%s","value":"qa-secret"}]}"""
                .formatted(app.greeting(), app.token()));
        assertThat(patched.status()).as(patched.body()).isLessThan(300);
        return app;
    }

    @Test
    void everyPageFitsAPhonesWidthWithoutScrollingSideways() throws Exception {
        TestApp app = appInQaAndProductionWithDifferentValues();
        String key = started(app.release2(), app);
        browser.manage().deleteAllCookies();
        open("/console/login");
        signIn("admin", ADMIN_PASSWORD);
        // the pages docs/console.md shows that the other steps do not visit
        for (String[] page : List.of(new String[] {"configuration", "/console/assets/" + app.key() + "/configuration/" + QA},
                new String[] {"audit", "/console/audit?clientId=user:admin"}, new String[] {"identities", "/console/identities"},
                new String[] {"identity", "/console/identities/console-users/admin"})) {
            open(page[1]);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
            screenshot(page[0]);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            List<String> wide = new java.util.ArrayList<>();
            for (String page : List.of("/console", "/console/assets/" + app.key(),
                    "/console/assets/" + app.key() + "/configuration/" + QA,
                    "/console/assets/" + app.key() + "/compare?from=" + QA + "&to=" + PRODUCTION,
                    "/console/operations", "/console/operations/" + key, "/console/approvals", "/console/audit",
                    "/console/identities")) {
                open(page);
                // the page itself must not be wider than the screen; wide tables scroll inside their own box
                long overflow = (Long) browser.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
                if (overflow > 0) {
                    wide.add(page + " is " + overflow + " px too wide");
                }
                if (page.equals("/console")) {
                    screenshot("phone-stages-assets");
                }
            }
            assertThat(wide).isEmpty();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
        }
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, LIVE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
    }

    private void open(String path) {
        browser.get(baseUrl() + path);
    }

    private static void screenshot(String name) throws IOException {
        if (SCREENSHOTS.isBlank()) {
            return;
        }
        Path folder = Files.createDirectories(Path.of(SCREENSHOTS));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
