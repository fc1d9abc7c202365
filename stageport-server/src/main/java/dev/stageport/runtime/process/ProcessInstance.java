package dev.stageport.runtime.process;

import dev.stageport.bundles.RunSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * One app instance the driver manages: its directory, record and live process.
 * {@code environment} holds the unsealed configuration in memory only, so a crash restart
 * can reuse it. Mutable fields change under the owning {@link AssetSlot}'s lock.
 */
final class ProcessInstance {

    final Path dir;
    final Map<String, String> environment;
    final dev.stageport.bundles.RunSpec run;
    volatile InstanceRecord record;
    volatile ProcessHandle process;
    /** Set before a deliberate stop, so the supervisor does not take the exit for a crash. */
    volatile boolean stopping;

    ProcessInstance(Path dir, Map<String, String> environment, dev.stageport.bundles.RunSpec run,
                    InstanceRecord record, ProcessHandle process) {
        this.dir = dir;
        this.environment = environment;
        this.run = run;
        this.record = record;
        this.process = process;
    }

    String id() {
        return record.instanceId();
    }

    int port() {
        return record.port();
    }

    Path log() {
        return LogFile.of(dir);
    }

    boolean alive() {
        ProcessHandle p = process;
        return p != null && p.isAlive();
    }
}
