package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's own endpoints over past operations' configuration (not part of the ODC APIs). */
@RestController
public class ConfigurationHistoryController {

    private final ConfigurationHistoryService service;
    private final ChangeHistoryService changes;

    public ConfigurationHistoryController(ConfigurationHistoryService service, ChangeHistoryService changes) {
        this.service = service;
        this.changes = changes;
    }

    @GetMapping("/api/stageport/v1/environments/{environmentKey}/applications/{applicationKey}"
            + "/configuration-history")
    public ConfigurationChanges history(Caller caller, @PathVariable String environmentKey,
                                        @PathVariable String applicationKey,
                                        @RequestParam(required = false) String key,
                                        @RequestParam(required = false) String section,
                                        @RequestParam(required = false) String since,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) Integer offset) {
        return changes.history(caller, environmentKey, applicationKey, key, section, since, limit, offset);
    }

    @GetMapping("/api/stageport/v1/deployment-operations/{operationKey}/configuration")
    public AppliedConfiguration applied(Caller caller, @PathVariable String operationKey) {
        return service.applied(caller, operationKey);
    }

    @PostMapping("/api/stageport/v1/environments/{environmentKey}/applications/{applicationKey}"
            + "/configurations/restore")
    public ResponseEntity<Void> restore(Caller caller, @PathVariable String environmentKey,
                                        @PathVariable String applicationKey, @RequestBody RestoreRequest body) {
        service.restore(caller, environmentKey, applicationKey, body);
        return ResponseEntity.noContent().build();
    }
}
