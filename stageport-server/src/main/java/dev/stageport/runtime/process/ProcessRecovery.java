package dev.stageport.runtime.process;

import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.InstanceStatus;
import dev.stageport.bundles.RunSpec;
import dev.stageport.secrets.SecretCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at start-up, before the deployment engine: walks the driver's files and
 * makes the processes match what the database says is deployed. Per asset it keeps one
 * instance (the recorded active one, unless the database names another live instance's
 * build), adopting its process when it still runs or starting it again when not; every
 * other process a previous run started (a half-done deployment's new instance, an old
 * instance never retired) is stopped and its files removed. A PID counts as ours only
 * when its start time matches the one recorded, so no foreign process is touched. Each kept
 * instance's route is sent to its stage's router, which is adopted when it still answers
 * (the stable ports never closed) or started anew; routers of stages left without apps end.
 */
final class ProcessRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProcessRecovery.class);

    private record Found(Path dir, InstanceRecord record, Optional<ProcessHandle> process) {
    }

    private final ProcessRuntime runtime;
    private final StageRepository stages;
    private final DeployedAssetRepository deployed;
    private final SecretCipher cipher;
    private final Clock clock;

    ProcessRecovery(ProcessRuntime runtime, StageRepository stages, DeployedAssetRepository deployed,
                    SecretCipher cipher, Clock clock) {
        this.runtime = runtime;
        this.stages = stages;
        this.deployed = deployed;
        this.cipher = cipher;
        this.clock = clock;
    }

    void run() {
        for (Path assetDir : runtime.files.assetDirs()) {
            try {
                recover(assetDir);
            } catch (RuntimeException e) {
                log.warn("Could not recover the app instances under {}: {}", assetDir, e.getMessage());
            }
        }
        runtime.routers.prune();
    }

    private void recover(Path assetDir) {
        String environmentKey = assetDir.getParent().getFileName().toString();
        String assetKey = assetDir.getFileName().toString();
        List<Found> found = new ArrayList<>();
        for (Path dir : runtime.files.children(assetDir)) {
            Optional<InstanceRecord> record = runtime.files.readRecord(dir);
            if (record.isEmpty()) {
                InstanceFiles.deleteTree(dir); // a start cut short before anything ran
                continue;
            }
            found.add(new Found(dir, record.get(), record.get().liveProcess()));
        }
        Optional<Stage> stage = stages.find(environmentKey).filter(s -> ProcessRuntime.DRIVER.equals(s.runtimeDriver()));
        Optional<DeployedAsset> truth = stage.flatMap(s -> deployed.find(environmentKey, assetKey));
        Optional<InstanceFiles.Active> active = runtime.files.readActive(assetDir);
        Found keep = truth.flatMap(t -> choose(found, active, t)).orElse(null);
        for (Found f : found) {
            if (f != keep) {
                f.process().ifPresent(p -> {
                    log.info("Stopping app process {} (instance {}) left by a previous run.", p.pid(),
                            f.record().instanceId());
                    InstanceLauncher.stop(p);
                });
                InstanceFiles.deleteTree(f.dir());
            }
        }
        if (keep == null) {
            InstanceFiles.deleteTree(assetDir);
            return;
        }
        adopt(stage.get(), truth.get(), keep, active.map(InstanceFiles.Active::stablePort).orElse(0));
    }

    /** The recorded active instance, unless the database names the build of another instance that still runs. */
    private static Optional<Found> choose(List<Found> found, Optional<InstanceFiles.Active> active, DeployedAsset t) {
        Optional<Found> recorded = active.flatMap(a -> found.stream()
                .filter(f -> f.record().instanceId().equals(a.instanceId())).findFirst());
        if (recorded.isPresent() && recorded.get().record().buildKey().equals(t.buildKey())) {
            return recorded;
        }
        Optional<Found> matching = found.stream().filter(f -> f.record().buildKey().equals(t.buildKey()))
                .filter(f -> f.process().isPresent()).findFirst();
        return matching.isPresent() ? matching : recorded;
    }

    private void adopt(Stage stage, DeployedAsset truth, Found keep, int stablePort) {
        RunSpec run = keep.record().runSpec();
        if (run.command().isEmpty()) {
            keep.process().ifPresent(InstanceLauncher::stop);
            InstanceFiles.deleteTree(keep.dir());
            return;
        }
        ConfigEnvironment config = ConfigEnvironment.from(truth.configSnapshot(), cipher);
        ProcessInstance instance = new ProcessInstance(keep.dir(), runtime.launcher.environment(keep.record(),
                keep.dir(), config.variables(), run.portVariable()), run, keep.record(),
                keep.process().orElse(null));
        AssetSlot slot = runtime.slot(stage.key(), truth.assetKey());
        synchronized (slot) {
            slot.settings = ProcessSettings.lenient(stage.runtimeSettings());
            slot.stablePort = runtime.routers.route(stage.key(), truth.assetKey(), instance.port(), stablePort);
            slot.active = instance;
            slot.state(InstanceStatus.State.Running, clock.instant(), keep.process().isPresent()
                    ? "Adopted after a server restart." : null);
            runtime.files.writeActive(stage.key(), truth.assetKey(),
                    new InstanceFiles.Active(instance.id(), slot.stablePort));
        }
        log.info("App {} in stage {}: {} instance {}.", truth.assetKey(), stage.name(),
                keep.process().isPresent() ? "adopted running" : "restarting stopped", instance.id());
        runtime.supervisor.watch(slot, instance);
    }
}
