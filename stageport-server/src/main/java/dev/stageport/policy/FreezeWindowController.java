package dev.stageport.policy;

import dev.stageport.audit.AuditReason;
import dev.stageport.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Freeze windows of a stage; rules in {@link FreezeWindowService}. */
@RestController
@RequestMapping("/api/stageport/v1/environments/{environmentKey}/freeze-windows")
public class FreezeWindowController {

    private final FreezeWindowService service;

    public FreezeWindowController(FreezeWindowService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public FreezeWindowResponse create(Caller caller, @PathVariable String environmentKey,
                                       @RequestBody(required = false) FreezeWindowRequest body,
                                       HttpServletRequest request) {
        AuditReason.note(request, body == null || body.name() == null ? null : "freeze window: " + body.name());
        return service.create(caller, environmentKey, body);
    }

    @GetMapping
    public FreezeWindowResponse.ListResponse list(Caller caller, @PathVariable String environmentKey,
                                                  @org.springframework.web.bind.annotation.RequestParam(
                                                          required = false) String at) {
        return service.list(caller, environmentKey, at);
    }

    @DeleteMapping("/{windowKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable String environmentKey, @PathVariable String windowKey) {
        service.delete(caller, environmentKey, windowKey);
    }
}
