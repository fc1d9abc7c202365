package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How an app's configuration differs between two stages (Stageport only). */
@RestController
public class StageDiffController {

    private final StageDiffService service;

    public StageDiffController(StageDiffService service) {
        this.service = service;
    }

    @GetMapping("/api/stageport/v1/applications/{applicationKey}/configuration-diff")
    public ConfigurationDiff diff(Caller caller, @PathVariable String applicationKey,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Boolean deployed) {
        return service.diff(caller, applicationKey, from, to, deployed);
    }
}
