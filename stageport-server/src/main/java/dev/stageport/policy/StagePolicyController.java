package dev.stageport.policy;

import dev.stageport.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's stage policy: the rules the engine enforces on a stage. */
@RestController
@RequestMapping("/api/stageport/v1/environments/{environmentKey}/policy")
public class StagePolicyController {

    private final StagePolicyService service;

    public StagePolicyController(StagePolicyService service) {
        this.service = service;
    }

    @GetMapping
    public StagePolicy get(Caller caller, @PathVariable String environmentKey) {
        return service.get(caller, environmentKey);
    }

    @PutMapping
    public StagePolicy put(Caller caller, @PathVariable String environmentKey,
                           @RequestBody(required = false) StagePolicy body) {
        return service.put(caller, environmentKey, body);
    }
}
