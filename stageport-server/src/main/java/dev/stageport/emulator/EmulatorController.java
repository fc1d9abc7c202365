package dev.stageport.emulator;

import dev.stageport.identity.Caller;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reset and snapshots; present only with STAGEPORT_EMULATOR=on (docs/emulator.md). */
@RestController
@RequestMapping("/api/stageport/v1/emulator")
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class EmulatorController {

    private final EmulatorMode mode;
    private final EmulatorState state;

    public EmulatorController(EmulatorMode mode, EmulatorState state) {
        this.mode = mode;
        this.state = state;
    }

    /** The snapshot request and answer. */
    public record Snapshot(String name, Instant takenAt) {
    }

    @PostMapping("/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(Caller caller) {
        mode.require(caller);
        state.reset();
    }

    @PostMapping("/snapshots")
    @ResponseStatus(HttpStatus.CREATED)
    Snapshot snapshot(Caller caller, @RequestBody Snapshot request) {
        mode.require(caller);
        return new Snapshot(request.name(), state.snapshot(request.name()));
    }

    @PostMapping("/snapshots/{name}/restore")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void restore(Caller caller, @PathVariable String name) {
        mode.require(caller);
        state.restore(name);
    }
}
