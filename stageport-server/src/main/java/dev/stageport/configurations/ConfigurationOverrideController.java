package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stageport's way to remove a stage's value of an app item: the ODC PATCH only sets values
 * (a null value is a value), so going back to the default needs its own endpoint.
 */
@RestController
public class ConfigurationOverrideController {

    private final ConfigurationOverrideService service;

    public ConfigurationOverrideController(ConfigurationOverrideService service) {
        this.service = service;
    }

    @DeleteMapping("/api/stageport/v1/environments/{environmentKey}/applications/{applicationKey}"
            + "/configurations/overrides")
    public ResponseEntity<Void> unset(Caller caller, @PathVariable String environmentKey,
                                      @PathVariable String applicationKey,
                                      @RequestParam(required = false) String item) {
        service.unset(caller, environmentKey, applicationKey, item);
        return ResponseEntity.noContent().build();
    }
}
