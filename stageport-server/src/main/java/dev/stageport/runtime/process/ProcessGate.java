package dev.stageport.runtime.process;

import dev.stageport.runtime.InstanceStatus;
import dev.stageport.runtime.RuntimeContext;
import dev.stageport.runtime.RuntimeFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The process driver's side of a stage's health gate: probing the instance that serves since
 * the switch, and pointing the stable endpoint back at the previous instance (still running:
 * RetirePrevious comes after the gate) when the gate fails. Switching only changes where new
 * connections go, so the previous instance answers every request from then on.
 */
final class ProcessGate {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final ProcessRuntime driver;

    ProcessGate(ProcessRuntime driver) {
        this.driver = driver;
    }

    Optional<String> probe(RuntimeContext active, String path) {
        AssetSlot slot = driver.slot(active.stage().key(), active.assetKey());
        ProcessInstance instance;
        int restarts;
        synchronized (slot) {
            instance = slot.active;
            restarts = slot.restarts;
        }
        if (instance == null || !active.operationKey().equals(instance.record.operationKey())) {
            return Optional.of("The new instance no longer serves the stage.");
        }
        if (restarts > 0) {
            return Optional.of("The app exited and was restarted " + restarts + " time(s) since the switch.");
        }
        String probed = path == null ? instance.run.healthPath() : path;
        try {
            HttpResponse<Void> answer = LoopbackHttp.client().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + instance.port() + probed)).timeout(PROBE_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("GET " + probed + " answered HTTP " + answer.statusCode() + ".");
        } catch (java.io.IOException e) {
            return Optional.of("GET " + probed + " failed: " + e.getClass().getSimpleName() + ".");
        } catch (InterruptedException e) {
            return Optional.of("The server stopped while GET " + probed + " ran.");
        }
    }

    void switchBack(RuntimeContext failed, RuntimeContext previous) {
        if (previous == null) {
            driver.undeploy(failed);
            return;
        }
        AssetSlot slot = driver.slot(failed.stage().key(), failed.assetKey());
        ProcessInstance stopped;
        synchronized (slot) {
            ProcessInstance back = slot.previous;
            if (back == null || slot.stablePort == 0 || !back.alive()) {
                throw new RuntimeFailure("The previous instance (revision " + previous.revision()
                        + ") is no longer running, so traffic could not be switched back to it.");
            }
            driver.switchTo(slot, back.port());
            stopped = slot.active;
            slot.active = back;
            slot.previous = null;
            slot.restarts = 0;
            slot.state(InstanceStatus.State.Running, driver.now(), null);
            driver.files.writeActive(slot.environmentKey, slot.assetKey,
                    new InstanceFiles.Active(back.id(), slot.stablePort));
            // its supervisor watch from when it was activated still holds: watching again would count exits twice
        }
        if (stopped != null) {
            driver.routers.drain(slot.environmentKey, slot.assetKey, stopped.port(), slot.settings.drain());
            driver.discard(stopped);
        }
    }
}
