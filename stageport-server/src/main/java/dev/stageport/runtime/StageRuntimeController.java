package dev.stageport.runtime;

import dev.stageport.identity.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stageport-only paths: a stage's runtime driver and settings, and the instance an asset runs as. */
@RestController
@RequestMapping("/api/stageport/v1/environments/{environmentKey}")
public class StageRuntimeController {

    private final StageRuntimeService service;

    public StageRuntimeController(StageRuntimeService service) {
        this.service = service;
    }

    @GetMapping("/runtime")
    public StageRuntime runtime(Caller caller, @PathVariable String environmentKey) {
        return service.get(caller, environmentKey);
    }

    @PutMapping("/runtime")
    public StageRuntime putRuntime(Caller caller, @PathVariable String environmentKey,
                                   @RequestBody StageRuntime body) {
        return service.put(caller, environmentKey, body);
    }

    @GetMapping("/assets/{assetKey}/instance")
    public InstanceView instance(Caller caller, @PathVariable String environmentKey, @PathVariable String assetKey) {
        return service.instance(caller, environmentKey, assetKey);
    }

    @GetMapping("/assets/{assetKey}/instance/logs")
    public Map<String, List<String>> logs(Caller caller, @PathVariable String environmentKey,
                                          @PathVariable String assetKey,
                                          @RequestParam(defaultValue = "100") int lines) {
        return Map.of("lines", service.logs(caller, environmentKey, assetKey, lines));
    }
}
