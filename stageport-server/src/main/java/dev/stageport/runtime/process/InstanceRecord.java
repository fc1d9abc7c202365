package dev.stageport.runtime.process;

import dev.stageport.bundles.RunSpec;
import java.util.Optional;

/**
 * What the server writes next to each app process it starts (instance.json), so a
 * server started again after a crash can tell its own processes apart from any other
 * process that got the same PID: the PID's start time must match too.
 */
record InstanceRecord(String instanceId, String environmentKey, String assetKey, int revision, String buildKey,
                      String operationKey, int port, long pid, long pidStartMillis, String healthPath,
                      java.util.List<String> command, String portVariable) {

    InstanceRecord withProcess(int newPort, ProcessHandle handle) {
        return new InstanceRecord(instanceId, environmentKey, assetKey, revision, buildKey, operationKey, newPort,
                handle.pid(), startMillis(handle), healthPath, command, portVariable);
    }

    /**
     * How to run the instance again, from what was written when it started, so recovery after
     * a restart needs no build. A record written before the port variable was kept says PORT.
     */
    RunSpec runSpec() {
        return new RunSpec(command, portVariable, healthPath);
    }

    /** The live process this record describes, if it still runs and really is the one we started. */
    Optional<ProcessHandle> liveProcess() {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> Math.abs(startMillis(h) - pidStartMillis) < 2_000);
    }

    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }
}
