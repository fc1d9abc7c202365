package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.assets.AssetUploadService;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.configurations.ApplicationConfigPatch;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configurations.ConfigurationService;
import dev.stageport.configurations.GenericConfigPatch;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.ApiClient;
import dev.stageport.identity.ApiClientRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.ClientSecrets;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeRegistry;
import dev.stageport.runtime.SimulatedRuntime;
import dev.stageport.startup.StartupProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies STAGEPORT_SEED to an empty database at start, after the bootstrap client
 * and before the demo data (which then finds stages and adds nothing). It runs before
 * readiness turns UP; any problem stops the start with one line naming the file, the
 * line and the field. A database that already holds stages keeps them (the seed is
 * still read and checked).
 */
@Component
@Order(15)
class ScenarioSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScenarioSeeder.class);
    private static final String BY = "seed";

    private final StageportProperties properties;
    private final EmulatorMode mode;
    private final StageRepository stages;
    private final AssetRepository assets;
    private final AssetUploadService uploads;
    private final BuildRepository builds;
    private final ConfigurationService configurations;
    private final ApiClientRepository clients;
    private final ClientSecrets secrets;
    private final RuntimeRegistry runtimes;
    private final SeededFaults faults;
    private final EmulatorState state;
    private final Clock clock;

    ScenarioSeeder(StageportProperties properties, EmulatorMode mode, StageRepository stages, AssetRepository assets,
                   AssetUploadService uploads, BuildRepository builds, ConfigurationService configurations,
                   ApiClientRepository clients, ClientSecrets secrets, RuntimeRegistry runtimes, SeededFaults faults,
                   EmulatorState state, Clock clock) {
        this.properties = properties;
        this.mode = mode;
        this.stages = stages;
        this.assets = assets;
        this.uploads = uploads;
        this.builds = builds;
        this.configurations = configurations;
        this.clients = clients;
        this.secrets = secrets;
        this.runtimes = runtimes;
        this.faults = faults;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String seed = properties.emulator().seed();
        if (seed.isBlank()) {
            return;
        }
        if (!mode.on()) {
            throw new StartupProblem("STAGEPORT_SEED='" + seed + "' is set but the emulator is off; start with "
                    + "STAGEPORT_EMULATOR=on to seed a scenario.");
        }
        ScenarioFile file = ScenarioFile.read(Path.of(seed));
        Scenario scenario = Scenario.of(file);
        state.tokensSurviveReset(scenario.tokensSurviveReset());
        if (stages.any()) {
            log.info("The database holds stages already; the seed {} is not applied again.", seed);
            return;
        }
        apply(file, scenario, clock.instant());
        log.info("Applied the scenario seed {}: {} stages, {} assets, {} builds, {} clients, {} fault rules.", seed,
                scenario.stages().size(), scenario.assets().size(), scenario.builds().size(),
                scenario.clients().size(), scenario.faults().size());
    }

    private void apply(ScenarioFile file, Scenario scenario, Instant now) {
        for (int i = 0; i < scenario.stages().size(); i++) {
            Scenario.StageSeed s = scenario.stages().get(i);
            String at = "stages[" + i + "]";
            String driver = s.runtime() == null ? SimulatedRuntime.DRIVER : s.runtime();
            Runtime runtime = runtimes.find(driver).orElseThrow(() -> file.problem(at + ".runtime",
                    "unknown runtime driver '" + driver + "'; this server has " + runtimes.names() + "."));
            String settings = s.runtimeSettings() == null ? "{}" : s.runtimeSettings();
            try {
                runtime.validateSettings(settings);
            } catch (IllegalArgumentException e) {
                throw file.problem(at + ".runtimeSettings", e.getMessage());
            }
            stages.insert(new Stage(s.key(), s.name(), s.purpose(), s.order(),
                    s.name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".stageport.local", "local",
                    "self-hosted", driver, settings, now));
        }
        scenario.assets().forEach(a -> asset(file, a, now));
        for (Scenario.BuildSeed b : scenario.builds()) {
            boolean ended = b.status() != Build.BuildStatus.Pending && b.status() != Build.BuildStatus.Running;
            builds.insert(new Build(b.key(), b.asset(), b.revision(), b.type(), b.status(), now, ended ? now : null,
                    BY, null));
        }
        Caller seeder = new Caller(BY, everything());
        for (Scenario.ConfigSeed c : scenario.configurations()) {
            List<GenericConfigPatch> values = new ArrayList<>();
            c.values().forEach((key, value) -> values.add(new GenericConfigPatch(key, value, null)));
            try {
                configurations.patchApp(seeder, c.stage(), c.asset(),
                        new ApplicationConfigPatch(null, null, values, null, null, null, null));
            } catch (ApiException e) {
                throw file.problem(c.path(), e.getMessage());
            }
        }
        scenario.clients().forEach(c -> client(c, now));
        faults.replace(scenario.faults());
    }

    private void asset(ScenarioFile file, Scenario.AssetSeed a, Instant now) {
        boolean uploaded = !a.revisions().isEmpty() && a.revisions().get(0).bundle() != null;
        String name = a.name() == null ? "Asset " + a.key().substring(0, 8) : a.name();
        if (!uploaded) {
            assets.insert(new Asset(a.key(), name, "Seeded by the scenario", a.type() == null ? "WebApplication"
                    : a.type(), null, false, now, BY));
        }
        for (int n = 0; n < a.revisions().size(); n++) {
            Scenario.RevisionSeed r = a.revisions().get(n);
            if (r.bundle() != null) {
                upload(file, a, r);
                continue;
            }
            List<ConfigSchema.Setting> settings = r.settings().stream().map(s -> new ConfigSchema.Setting(s.key(),
                    s.name(), s.name(), s.type(), s.defaultValue(), s.secret())).toList();
            assets.insertRevision(new AssetRevision(a.key(), n + 1, name, "Seeded by the scenario", null, null, null,
                    "revision " + (n + 1), null, "seed-" + a.key() + "-" + (n + 1),
                    new ConfigSchema(settings, List.of()).toJson(), now, BY));
        }
    }

    private void upload(ScenarioFile file, Scenario.AssetSeed a, Scenario.RevisionSeed r) {
        Path bundle = r.bundle();
        AssetRevision revision;
        try (InputStream in = Files.newInputStream(bundle)) {
            revision = uploads.upload(in, BY);
        } catch (IOException e) {
            throw file.problem(r.path() + ".bundle", "cannot read " + bundle + ": " + e.getMessage());
        } catch (ApiException e) {
            throw file.problem(r.path() + ".bundle", "the bundle " + bundle + " is refused: " + e.getMessage());
        }
        if (!revision.assetKey().equalsIgnoreCase(a.key())) {
            throw file.problem(r.path() + ".bundle", "the bundle's manifest names the asset " + revision.assetKey()
                    + ", not " + a.key() + ".");
        }
    }

    private void client(Scenario.ClientSeed c, Instant now) {
        // the docs cap a secret's life at 24 months
        Instant expiry = now.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant();
        clients.upsert(new ApiClient(c.id(), c.name() == null ? c.id() : c.name(), "Seeded by the scenario",
                secrets.hash(c.secret()), expiry, ApiClient.Status.ACTIVE, now), c.grants());
    }

    private static Map<Permission, Set<String>> everything() {
        Map<Permission, Set<String>> all = new EnumMap<>(Permission.class);
        for (Permission p : Permission.values()) {
            all.put(p, Set.of(Caller.EVERY_STAGE));
        }
        return all;
    }
}
