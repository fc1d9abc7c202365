package dev.stageport.runtime.process;

import dev.stageport.StageportProperties;
import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.InstanceStatus;
import dev.stageport.bundles.RunSpec;
import dev.stageport.runtime.Runtime;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.secrets.SecretCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code process} driver: runs each build's app as a child process of the server.
 * Deploy = start a new instance next to the running one, health-check it, point the
 * asset's stable endpoint at it, then drain and stop the old one. Any failure before the
 * switch stops only the new instance. The engine runs ApplyConfigs through the same steps
 * with the running build.
 * {@link ProcessRecovery} adopts or stops processes a previous server run left behind.
 */
@Component
public class ProcessRuntime implements Runtime, SmartLifecycle {

    public static final String DRIVER = "process";
    /** Log lines quoted in an operation's Error message when an app does not come up. */
    static final int FAILURE_LOG_LINES = 20;

    private final StageRepository stages;
    private final DeployedAssetRepository deployed;
    private final ArtifactStore artifacts;
    private final SecretCipher cipher;
    private final Clock clock;
    final InstanceFiles files;
    final InstanceLauncher launcher = new InstanceLauncher();
    final HealthProbe probe;
    private final ProcessGate gate = new ProcessGate(this);
    final StageRouters routers;
    private final boolean stopAppsOnExit;
    /** Created on every start: a paused test context is stopped and started again. */
    volatile ScheduledExecutorService scheduler;
    volatile InstanceSupervisor supervisor;
    final Map<String, AssetSlot> slots = new ConcurrentHashMap<>();
    private volatile boolean running;

    public ProcessRuntime(StageRepository stages, DeployedAssetRepository deployed,
                          ArtifactStore artifacts, SecretCipher cipher, StageportProperties properties, Clock clock) {
        this.stages = stages;
        this.deployed = deployed;
        this.artifacts = artifacts;
        this.cipher = cipher;
        this.clock = clock;
        this.files = new InstanceFiles(properties.dataDir().toAbsolutePath().normalize().resolve("runtime"));
        this.probe = new HealthProbe(clock);
        this.routers = new StageRouters(files);
        this.stopAppsOnExit = StopAppsOnExit.parse(properties.stopAppsOnExit());
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public void validateSettings(String settingsJson) {
        ProcessSettings.parse(settingsJson);
    }

    @Override
    public void provision(RuntimeContext context) {
        AssetSlot slot = slot(context.stage().key(), context.assetKey());
        synchronized (slot) {
            slot.settings = ProcessSettings.lenient(context.stage().runtimeSettings());
        }
        // one operation per asset and stage runs at a time: every candidate is a leftover, also one
        // this operation half-started before its worker died (provisioning again must not run two)
        for (ProcessInstance stale : takeCandidates(slot, null)) {
            discard(stale);
        }
        RunSpec run = runSpec(context);
        Path zip = artifacts.find(context.artifactDigest())
                .orElseThrow(() -> new RuntimeFailure("The artifact of build " + context.buildKey()
                        + " is missing from the artifact store."));
        ConfigEnvironment config = ConfigEnvironment.from(context.configurationJson(), cipher);
        String id = "r" + context.revision() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = files.instanceDir(context.stage().key(), context.assetKey(), id);
        InstanceRecord record = new InstanceRecord(id, context.stage().key(), context.assetKey(), context.revision(),
                context.buildKey(), context.operationKey(), 0, 0, 0, run.healthPath(), run.command(),
                run.portVariable());
        files.writeRecord(dir, record);
        launcher.unpack(zip, dir);
        launcher.writeDocument(dir, config.documentJson());
        ProcessInstance instance = new ProcessInstance(dir,
                launcher.environment(record, dir, config.variables(), run.portVariable()), run, record, null);
        synchronized (slot) {
            slot.candidates.put(context.operationKey(), instance);
        }
        start(instance);
        files.journal("launch " + context.operationKey() + " " + id + " " + instance.process.pid());
    }

    @Override
    public void healthCheck(RuntimeContext context) {
        AssetSlot slot = slot(context.stage().key(), context.assetKey());
        ProcessInstance instance = candidate(slot, context.operationKey());
        Optional<String> problem = probe.await(instance, instance.run.healthPath(), slot.settings.healthTimeout());
        if (problem.isPresent()) {
            List<String> lines = LogFile.tail(instance.log(), FAILURE_LOG_LINES);
            synchronized (slot) {
                slot.candidates.remove(context.operationKey());
            }
            discard(instance);
            throw new RuntimeFailure(problem.get() + " The new instance was stopped; what ran before keeps running."
                    + (lines.isEmpty() ? " The app wrote no output." : " Last lines of its output:\n"
                    + String.join("\n", lines.stream().map(ProcessRuntime::shorten).toList())));
        }
    }

    @Override
    public void activate(RuntimeContext context) {
        AssetSlot slot = slot(context.stage().key(), context.assetKey());
        ProcessInstance leftover;
        synchronized (slot) {
            ProcessInstance instance = candidate(slot, context.operationKey());
            slot.candidates.remove(context.operationKey());
            int preferred = slot.stablePort != 0 ? slot.stablePort
                    : files.readActive(files.assetDir(slot.environmentKey, slot.assetKey))
                    .map(InstanceFiles.Active::stablePort).orElse(0);
            try {
                slot.stablePort = routers.route(slot.environmentKey, slot.assetKey, instance.port(), preferred);
            } catch (RuntimeException e) {
                discard(instance);
                throw new RuntimeFailure("The app's stable address could not be opened (" + e.getMessage()
                        + "); the new instance was stopped.");
            }
            leftover = slot.previous;
            slot.previous = slot.active;
            slot.active = instance;
            slot.restarts = 0;
            slot.state(InstanceStatus.State.Running, clock.instant(), null);
            files.writeActive(slot.environmentKey, slot.assetKey,
                    new InstanceFiles.Active(instance.id(), slot.stablePort));
            supervisor.watch(slot, instance);
        }
        if (leftover != null) {
            discard(leftover);
        }
    }

    @Override
    public void retire(RuntimeContext context) {
        AssetSlot slot = slot(context.stage().key(), context.assetKey());
        ProcessInstance old;
        synchronized (slot) {
            old = slot.previous;
            slot.previous = null;
        }
        if (old != null) {
            routers.drain(slot.environmentKey, slot.assetKey, old.port(), slot.settings.drain());
            discard(old);
        }
    }

    @Override
    public Optional<String> probe(RuntimeContext active, String path) {
        return gate.probe(active, path);
    }

    @Override
    public void switchBack(RuntimeContext failed, RuntimeContext previous) {
        gate.switchBack(failed, previous);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    @Override
    public void discard(RuntimeContext context) {
        AssetSlot slot = slots.get(key(context.stage().key(), context.assetKey()));
        if (slot == null) {
            return;
        }
        ProcessInstance candidate;
        synchronized (slot) {
            candidate = slot.candidates.remove(context.operationKey());
        }
        if (candidate != null) {
            discard(candidate);
        }
    }

    @Override
    public void undeploy(RuntimeContext context) {
        AssetSlot slot = slots.remove(key(context.stage().key(), context.assetKey()));
        routers.remove(context.stage().key(), context.assetKey());
        if (slot != null) {
            slot.all().forEach(this::discard);
        }
        InstanceFiles.deleteTree(files.assetDir(context.stage().key(), context.assetKey()));
    }

    @Override
    public InstanceStatus status(Stage stage, String assetKey) {
        AssetSlot slot = slots.get(key(stage.key(), assetKey));
        if (slot == null) {
            return InstanceStatus.notDeployed();
        }
        synchronized (slot) {
            if (slot.active == null || slot.stablePort == 0) {
                return InstanceStatus.notDeployed();
            }
            InstanceRecord r = slot.active.record;
            String detail = "instance " + r.instanceId() + ", pid " + r.pid() + ", instance port " + r.port()
                    + (slot.detail == null ? "" : ". " + slot.detail);
            return new InstanceStatus(slot.state, r.revision(), "http://127.0.0.1:" + slot.stablePort + "/",
                    slot.restarts, slot.since, detail);
        }
    }

    @Override
    public List<String> logs(Stage stage, String assetKey, int maxLines) {
        AssetSlot slot = slots.get(key(stage.key(), assetKey));
        ProcessInstance active = slot == null ? null : slot.active;
        return active == null ? List.of() : LogFile.tail(active.log(), maxLines);
    }

    /** Starts (or restarts) an instance's process on a fresh port and records it on disk first thing. */
    void start(ProcessInstance instance) {
        int port = InstanceLauncher.freePort();
        ProcessHandle process = launcher.start(instance.dir, instance.run, instance.environment, port);
        instance.process = process;
        instance.record = instance.record.withProcess(port, process);
        files.writeRecord(instance.dir, instance.record);
    }

    /** Stops an instance's process (never anything else) and removes its files. */
    void discard(ProcessInstance instance) {
        instance.stopping = true;
        InstanceLauncher.stop(instance.process);
        InstanceFiles.deleteTree(instance.dir);
    }

    /** Points the slot's stable port at an instance port; answers once the router forwards there. */
    void switchTo(AssetSlot slot, int port) {
        slot.stablePort = routers.route(slot.environmentKey, slot.assetKey, port, slot.stablePort);
    }

    private static RunSpec runSpec(RuntimeContext context) {
        if (context.artifactDigest() == null) {
            throw new RuntimeFailure("The build " + context.buildKey() + " has no artifact; the process driver runs "
                    + "only builds made from an uploaded bundle.");
        }
        if (context.runSpec() == null || context.runSpec().command().isEmpty()) {
            throw new RuntimeFailure("The build " + context.buildKey() + " has no command to run (a library does not "
                    + "run on its own).");
        }
        return context.runSpec();
    }

    AssetSlot slot(String environmentKey, String assetKey) {
        return slots.computeIfAbsent(key(environmentKey, assetKey), k -> new AssetSlot(environmentKey, assetKey));
    }

    static String key(String environmentKey, String assetKey) {
        return environmentKey + "/" + assetKey;
    }

    private static ProcessInstance candidate(AssetSlot slot, String operationKey) {
        synchronized (slot) {
            ProcessInstance instance = slot.candidates.get(operationKey);
            if (instance == null) {
                throw new RuntimeFailure("No instance was provisioned for this operation.");
            }
            return instance;
        }
    }

    private static List<ProcessInstance> takeCandidates(AssetSlot slot, String exceptOperation) {
        synchronized (slot) {
            List<ProcessInstance> stale = slot.candidates.entrySet().stream()
                    .filter(e -> !e.getKey().equals(exceptOperation)).map(Map.Entry::getValue).toList();
            slot.candidates.values().removeAll(stale);
            return stale;
        }
    }

    private static String shorten(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    // ---- lifecycle: before the deployment engine starts, after it stops ----

    @Override
    public synchronized void start() {
        scheduler = Executors.newScheduledThreadPool(1, daemon("process-supervisor"));
        supervisor = new InstanceSupervisor(scheduler, probe, this::start, this::switchTo, clock);
        running = true;
        new ProcessRecovery(this, stages, deployed, cipher, clock).run();
        scheduler.scheduleWithFixedDelay(this::capLogs, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(routers::check, 5, 5, TimeUnit.SECONDS);
    }

    private void capLogs() {
        for (AssetSlot slot : slots.values()) {
            ProcessInstance active = slot.active;
            if (active != null) {
                LogFile.cap(active.log(), slot.settings.logMaxBytes());
            }
        }
    }

    /**
     * A clean shutdown leaves the apps and their stage routers serving, as a crash does: the
     * next start adopts them. With {@code STAGEPORT_STOP_APPS_ON_EXIT=on} it stops every app
     * process and router but keeps the files, and the next start starts the active instances again.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (AssetSlot slot : slots.values()) {
            for (ProcessInstance instance : slot.all()) {
                instance.stopping = true; // whether stopped or left running, the supervisor lets go
                if (stopAppsOnExit) {
                    InstanceLauncher.stop(instance.process);
                }
            }
        }
        if (stopAppsOnExit) {
            routers.stopAll();
        } else {
            routers.forget();
        }
        slots.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // the engine (default phase) starts after us and stops before us
    }
}
