package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stage-wide system configuration defaults of the ODC Asset Configurations API v1. */
@RestController
@RequestMapping("/api/asset-configurations/v1/environments/{environmentKey}/default-system-configurations")
public class StageDefaultController {

    private final StageDefaultService service;

    public StageDefaultController(StageDefaultService service) {
        this.service = service;
    }

    @GetMapping
    public EnvironmentConfigResult get(Caller caller, @PathVariable String environmentKey) {
        return service.get(caller, environmentKey);
    }

    @PatchMapping
    public ResponseEntity<Void> patch(Caller caller, @PathVariable String environmentKey,
                                      @RequestBody EnvironmentConfigPatch body) {
        service.patch(caller, environmentKey, body);
        return ResponseEntity.noContent().build();
    }
}
