package dev.stageport.demo;

import dev.stageport.StageportProperties;
import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.assets.AssetUploadService;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.builds.BuildService;
import dev.stageport.work.OperationEngine;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.RuntimeRegistry;
import java.time.Clock;
import java.time.Instant;
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
 * stageport.demo.enabled=false) the sample app examples/hello-settings with two
 * revisions, their Release builds and a Debug build. The app goes in the way a user's
 * does: its bundles (packaged by the Maven build into demo/ on the classpath) are
 * uploaded through {@link AssetUploadService} and built by the build service and
 * engine; only the build keys are fixed, so docs and pipelines can name them.
 * Runs once; a restart finds the stages and does nothing.
 */
@Component
@Order(20)
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final StageRepository stages;
    private final AssetRepository assets;
    private final BuildRepository builds;
    private final AssetUploadService uploads;
    private final BuildService buildService;
    private final OperationEngine buildEngine;
    private final StageportProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<DemoSeeded> listeners;
    private final RuntimeRegistry runtimes;

    public DemoSeeder(StageRepository stages, AssetRepository assets, BuildRepository builds,
                      AssetUploadService uploads, BuildService buildService, OperationEngine buildEngine,
                      StageportProperties properties, TransactionTemplate transactions, Clock clock,
                      List<DemoSeeded> listeners, RuntimeRegistry runtimes) {
        this.runtimes = runtimes;
        this.stages = stages;
        this.assets = assets;
        this.builds = builds;
        this.uploads = uploads;
        this.buildService = buildService;
        this.buildEngine = buildEngine;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Boolean seeded;
        try {
            seeded = transactions.execute(status -> {
                if (stages.any()) {
                    return false;
                }
                Instant now = clock.instant();
                seedStages(now);
                if (properties.demo().enabled()) {
                    seedLoadApps(now, properties.demo().loadApps());
                }
                return true;
            });
        } catch (org.springframework.dao.DuplicateKeyException otherReplica) {
            // Replicas starting together on one database: another one seeded first, and its rows stand.
            seeded = false;
        }
        if (Boolean.TRUE.equals(seeded) && properties.demo().enabled()) {
            // outside the stages' transaction: upload and build commit on their own, as for any user
            seedApp();
        }
        if (Boolean.TRUE.equals(seeded)) {
            // the benchmark report reads the duration (docs/benchmarks.md)
            log.info("Seeded the default stages{} in {} ms.", properties.demo().enabled() ? " and the demo app" : "",
                    (System.nanoTime() - started) / 1_000_000);
            if (properties.demo().enabled()) {
                listeners.forEach(DemoSeeded::demoSeeded);
            }
        }
    }

    private void seedStages(Instant now) {
        // stepMillis serves the simulated driver and is tolerated by the process driver, so a stage can switch back
        String settings = "{\"stepMillis\":" + properties.demo().stepDuration().toMillis() + "}";
        String driver = runtimes.find(properties.demo().runtimeDriver()).map(r -> r.driver())
                .orElseThrow(() -> new IllegalStateException("stageport.demo.runtime-driver (STAGEPORT_DEMO_RUNTIME_"
                        + "DRIVER) names '" + properties.demo().runtimeDriver() + "'; this server has "
                        + runtimes.names() + "."));
        stages.insert(new Stage(DemoData.DEVELOPMENT, "Development", Stage.Purpose.Development, 0,
                "dev.stageport.local", "local", "self-hosted", driver, settings, now));
        stages.insert(new Stage(DemoData.QA, "QA", Stage.Purpose.NonProduction, 1,
                "qa.stageport.local", "local", "self-hosted", driver, settings, now));
        stages.insert(new Stage(DemoData.PRODUCTION, "Production", Stage.Purpose.Production, 2,
                "prod.stageport.local", "local", "self-hosted", driver, settings, now));
    }

    private void seedApp() {
        upload("demo/hello-settings-bundle-1.zip");
        upload("demo/hello-settings-bundle.zip");
        build(DemoData.BUILD_REV1_RELEASE, 1, Build.BuildType.Release);
        build(DemoData.BUILD_REV2_RELEASE, 2, Build.BuildType.Release);
        build(DemoData.BUILD_REV2_DEBUG, 2, Build.BuildType.Debug);
    }

    private void upload(String resource) {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The demo bundle " + resource + " is not on the classpath; the "
                        + "Maven build of examples/hello-settings makes it.");
            }
            uploads.upload(in, "demo");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo bundle " + resource, e);
        }
    }

    /** Builds at once on this thread, so the demo's Release builds are Finished before anything deploys them. */
    private void build(String key, int revision, Build.BuildType type) {
        buildService.request(DemoData.APP, revision, type, "demo", key);
        buildEngine.runNow(key);
        Build build = builds.find(key).orElseThrow();
        // a pool worker may have claimed it first: wait for that worker (builds of the demo take milliseconds)
        for (int i = 0; i < 600 && !terminal(build); i++) {
            sleep();
            build = builds.find(key).orElseThrow();
        }
        if (build.status() != Build.BuildStatus.Finished) {
            throw new IllegalStateException("The demo build " + key + " ended " + build.status() + ": "
                    + builds.messages(key));
        }
    }

    private static boolean terminal(Build build) {
        return build.status() != Build.BuildStatus.Pending && build.status() != Build.BuildStatus.Running;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the demo was being built", e);
        }
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

    /** Features that add to the demo once its data exists (the deployment engine deploys it to Development). */
    public interface DemoSeeded {
        void demoSeeded();
    }
}
