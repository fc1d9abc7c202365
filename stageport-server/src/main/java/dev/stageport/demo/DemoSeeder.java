package dev.stageport.demo;

import dev.stageport.StageportProperties;
import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildMessage;
import dev.stageport.builds.BuildRepository;
import dev.stageport.configurations.ConfigSchema;
import dev.stageport.configurations.DataType;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start on an empty database: the three default stages, and (unless
 * stageport.demo.enabled=false) a demo app with two revisions, their Release
 * builds and a Debug build. Runs once; a restart finds the stages and does nothing.
 */
@Component
@Order(20)
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final StageRepository stages;
    private final AssetRepository assets;
    private final BuildRepository builds;
    private final StageportProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<DemoSeeded> listeners;

    public DemoSeeder(StageRepository stages, AssetRepository assets, BuildRepository builds,
                      StageportProperties properties, TransactionTemplate transactions, Clock clock,
                      List<DemoSeeded> listeners) {
        this.stages = stages;
        this.assets = assets;
        this.builds = builds;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean seeded;
        try {
            seeded = transactions.execute(status -> {
                if (stages.any()) {
                    return false;
                }
                Instant now = clock.instant();
                seedStages(now);
                if (properties.demo().enabled()) {
                    seedApp(now);
                    seedLoadApps(now, properties.demo().loadApps());
                }
                return true;
            });
        } catch (org.springframework.dao.DuplicateKeyException otherReplica) {
            // Replicas starting together on one database: another one seeded first, and its rows stand.
            seeded = false;
        }
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Seeded the default stages{}.", properties.demo().enabled() ? " and the demo app" : "");
            if (properties.demo().enabled()) {
                listeners.forEach(DemoSeeded::demoSeeded);
            }
        }
    }

    private void seedStages(Instant now) {
        String settings = "{\"stepMillis\":" + properties.demo().stepDuration().toMillis() + "}";
        stages.insert(new Stage(DemoData.DEVELOPMENT, "Development", Stage.Purpose.Development, 0,
                "dev.stageport.local", "local", "self-hosted", "simulated", settings, now));
        stages.insert(new Stage(DemoData.QA, "QA", Stage.Purpose.NonProduction, 1,
                "qa.stageport.local", "local", "self-hosted", "simulated", settings, now));
        stages.insert(new Stage(DemoData.PRODUCTION, "Production", Stage.Purpose.Production, 2,
                "prod.stageport.local", "local", "self-hosted", "simulated", settings, now));
    }

    private void seedApp(Instant now) {
        Instant rev1At = now.minus(Duration.ofDays(2));
        Instant rev2At = now.minus(Duration.ofDays(1));
        assets.insert(new Asset(DemoData.APP, DemoData.APP_NAME, "A tiny web app that shows its settings",
                "WebApplication", null, false, rev1At, "demo"));
        List<ConfigSchema.Setting> settings = new ArrayList<>(List.of(
                new ConfigSchema.Setting(DemoData.SETTING_GREETING, "GreetingText",
                        "The greeting the home page shows", DataType.Text, "Hello", false),
                new ConfigSchema.Setting(DemoData.SETTING_MAX_ITEMS, "MaxItems",
                        "How many items a page lists", DataType.Integer, "10", false),
                new ConfigSchema.Setting(DemoData.SETTING_API_KEY, "PaymentApiKey",
                        "Key for the payment provider", DataType.Text, null, true)));
        List<ConfigSchema.Timer> timers = List.of(new ConfigSchema.Timer(DemoData.TIMER_CLEANUP, "NightlyCleanup",
                "Removes expired sessions", "0 2 * * *", true));
        revision(1, rev1At, "First release", new ConfigSchema(settings, timers));
        settings.add(new ConfigSchema.Setting(DemoData.SETTING_THEME, "Theme", "Colour theme of the pages",
                DataType.Text, "light", false));
        revision(2, rev2At, "Add a colour theme", new ConfigSchema(settings, timers));

        build(DemoData.BUILD_REV1_RELEASE, 1, Build.BuildType.Release, rev1At);
        build(DemoData.BUILD_REV2_RELEASE, 2, Build.BuildType.Release, rev2At);
        build(DemoData.BUILD_REV2_DEBUG, 2, Build.BuildType.Debug, rev2At);
    }

    /** Small apps for load tests: "Load App 001" …, each with revision 1 and a finished Release build. */
    private void seedLoadApps(Instant now, int count) {
        String schema = new ConfigSchema(List.of(new ConfigSchema.Setting(
                "c1000000-0000-4000-8000-000000000001", "Greeting", "A greeting", DataType.Text, "Hi", false)),
                List.of()).toJson();
        for (int i = 1; i <= count; i++) {
            String key = String.format("a1000000-0000-4000-8000-%012d", i);
            String name = String.format("Load App %03d", i);
            assets.insert(new Asset(key, name, "An app for load tests", "WebApplication", null, false, now, "demo"));
            assets.insertRevision(new AssetRevision(key, 1, name, "An app for load tests", null, null, null,
                    "load test", null, "load-model", schema, now, "demo"));
            builds.insert(new Build(String.format("b1000000-0000-4000-8000-%012d", i), key, 1,
                    Build.BuildType.Release, Build.BuildStatus.Finished, now, now, "demo", null));
        }
    }

    private void revision(int number, Instant at, String commitMessage, ConfigSchema schema) {
        assets.insertRevision(new AssetRevision(DemoData.APP, number, DemoData.APP_NAME,
                "A tiny web app that shows its settings", null, null, null, commitMessage, null,
                "demo-model-" + number, schema.toJson(), at, "demo"));
    }

    private void build(String key, int revision, Build.BuildType type, Instant at) {
        Instant finished = at.plusSeconds(40);
        builds.insert(new Build(key, DemoData.APP, revision, type, Build.BuildStatus.Finished, at.plusSeconds(5),
                finished, "demo", "sha256:demo-" + revision + "-" + type.name().toLowerCase()));
        builds.addMessage(key, new BuildMessage(at.plusSeconds(5), "BuildStarted", "Info",
                "Build of revision " + revision + " (" + type + ") started.", "Build", null));
        builds.addMessage(key, new BuildMessage(finished, "BuildFinished", "Info",
                "Build of revision " + revision + " (" + type + ") finished.", "Build", null));
    }

    /** Features that add to the demo once its data exists (the deployment engine deploys it to Development). */
    public interface DemoSeeded {
        void demoSeeded();
    }
}
