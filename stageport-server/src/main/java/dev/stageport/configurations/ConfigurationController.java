package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The app configuration endpoints of the ODC Asset Configurations API v1. */
@RestController
@RequestMapping("/api/asset-configurations/v1/environments/{environmentKey}/applications/{applicationKey}")
public class ConfigurationController {

    private final ConfigurationService service;

    public ConfigurationController(ConfigurationService service) {
        this.service = service;
    }

    @PatchMapping("/configurations")
    public ResponseEntity<Void> patch(Caller caller, @PathVariable String environmentKey,
                                      @PathVariable String applicationKey, @RequestBody ApplicationConfigPatch body) {
        service.patch(caller, environmentKey, applicationKey, body, ConfigTargets.Kind.APP);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/revisions/deployed/configurations")
    public ApplicationConfigResult deployed(Caller caller, @PathVariable String environmentKey,
                                            @PathVariable String applicationKey,
                                            @RequestParam(required = false) String fields,
                                            @RequestParam(required = false) Boolean showBinaryValues) {
        return service.deployed(caller, environmentKey, applicationKey, fields, showBinaryValues,
                ConfigTargets.Kind.APP);
    }

    @GetMapping("/revisions/{baselineRevision}/configurations")
    public ApplicationConfigResult revision(Caller caller, @PathVariable String environmentKey,
                                            @PathVariable String applicationKey, @PathVariable String baselineRevision,
                                            @RequestParam(required = false) String fields,
                                            @RequestParam(required = false) Boolean showBinaryValues) {
        return service.revision(caller, environmentKey, applicationKey, baselineRevision, fields, showBinaryValues,
                ConfigTargets.Kind.APP);
    }
}
