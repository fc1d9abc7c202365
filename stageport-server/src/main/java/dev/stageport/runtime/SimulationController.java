package dev.stageport.runtime;

import dev.stageport.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stageport-only admin paths that tune the simulated runtime (not part of the ODC APIs). */
@RestController
@RequestMapping("/api/stageport/v1/environments/{environmentKey}")
public class SimulationController {

    private final SimulationService service;

    public SimulationController(SimulationService service) {
        this.service = service;
    }

    @GetMapping("/simulation")
    public SimulationSettings stage(Caller caller, @PathVariable String environmentKey) {
        return service.get(caller, environmentKey, null);
    }

    @PutMapping("/simulation")
    public ResponseEntity<Void> putStage(Caller caller, @PathVariable String environmentKey,
                                         @RequestBody SimulationSettings body) {
        service.put(caller, environmentKey, null, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/assets/{assetKey}/simulation")
    public SimulationSettings asset(Caller caller, @PathVariable String environmentKey,
                                    @PathVariable String assetKey) {
        return service.get(caller, environmentKey, assetKey);
    }

    @PutMapping("/assets/{assetKey}/simulation")
    public ResponseEntity<Void> putAsset(Caller caller, @PathVariable String environmentKey,
                                         @PathVariable String assetKey, @RequestBody SimulationSettings body) {
        service.put(caller, environmentKey, assetKey, body);
        return ResponseEntity.noContent().build();
    }
}
