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

/** The agent configuration endpoints: the app ones for assets of type Agent, without system configurations. */
@RestController
@RequestMapping("/api/asset-configurations/v1/environments/{environmentKey}/agents/{agentKey}")
public class AgentConfigurationController {

    private final ConfigurationService service;

    public AgentConfigurationController(ConfigurationService service) {
        this.service = service;
    }

    @PatchMapping("/configurations")
    public ResponseEntity<Void> patch(Caller caller, @PathVariable String environmentKey,
                                      @PathVariable String agentKey, @RequestBody ApplicationConfigPatch body) {
        service.patch(caller, environmentKey, agentKey, body, ConfigTargets.Kind.AGENT);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/revisions/deployed/configurations")
    public AgentConfigResult deployed(Caller caller, @PathVariable String environmentKey,
                                      @PathVariable String agentKey,
                                      @RequestParam(required = false) String fields,
                                      @RequestParam(required = false) Boolean showBinaryValues) {
        return service.deployed(caller, environmentKey, agentKey, fields, showBinaryValues,
                ConfigTargets.Kind.AGENT).asAgent();
    }

    @GetMapping("/revisions/{baselineRevision}/configurations")
    public AgentConfigResult revision(Caller caller, @PathVariable String environmentKey,
                                      @PathVariable String agentKey, @PathVariable String baselineRevision,
                                      @RequestParam(required = false) String fields,
                                      @RequestParam(required = false) Boolean showBinaryValues) {
        return service.revision(caller, environmentKey, agentKey, baselineRevision, fields, showBinaryValues,
                ConfigTargets.Kind.AGENT).asAgent();
    }
}
