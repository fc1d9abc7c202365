package dev.stageport.policy;

import dev.stageport.audit.AuditReason;
import dev.stageport.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's approvals of Deploys; rules in {@link ApprovalService}. */
@RestController
@RequestMapping("/api/stageport/v1/approvals")
public class ApprovalController {

    private final ApprovalService service;

    public ApprovalController(ApprovalService service) {
        this.service = service;
    }

    @GetMapping
    public ApprovalResponse.ListResponse list(Caller caller, @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) Integer offset) {
        return service.list(caller, status, limit, offset);
    }

    @GetMapping("/{approvalKey}")
    public ApprovalResponse get(Caller caller, @PathVariable String approvalKey) {
        return service.get(caller, approvalKey);
    }

    @PostMapping("/{approvalKey}/approve")
    public ApprovalResponse approve(Caller caller, @PathVariable String approvalKey,
                                    @RequestBody(required = false) DecisionRequest body, HttpServletRequest request) {
        AuditReason.note(request, body == null ? null : body.comment());
        return service.approve(caller, approvalKey, body);
    }

    @PostMapping("/{approvalKey}/reject")
    public ApprovalResponse reject(Caller caller, @PathVariable String approvalKey,
                                   @RequestBody(required = false) DecisionRequest body, HttpServletRequest request) {
        AuditReason.note(request, body == null ? null : body.comment());
        return service.reject(caller, approvalKey, body);
    }
}
