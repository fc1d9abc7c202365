package dev.stageport.audit;

import dev.stageport.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's own API: the audit log of mutating requests, newest first. */
@RestController
@RequestMapping("/api/stageport/v1/audit-events")
public class AuditController {

    private final AuditService service;

    public AuditController(AuditService service) {
        this.service = service;
    }

    @GetMapping
    AuditEventListResponse list(Caller caller,
                                @RequestParam(required = false) String clientId,
                                @RequestParam(required = false) String environmentKey,
                                @RequestParam(required = false) String assetKey,
                                @RequestParam(required = false) String method,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String since,
                                @RequestParam(required = false) String until,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset) {
        return service.list(caller, clientId, environmentKey, assetKey, method, status, since, until, limit, offset);
    }
}
