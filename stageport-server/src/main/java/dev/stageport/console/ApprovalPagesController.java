package dev.stageport.console;

import dev.stageport.audit.AuditReason;
import dev.stageport.policy.ApprovalService;
import dev.stageport.policy.DecisionRequest;
import dev.stageport.web.Keys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The approvals inbox and its approve / reject forms; the rules are {@link ApprovalService}'s. */
@Controller
class ApprovalPagesController {

    static final String INBOX = "/console/approvals";

    private final ApprovalPages pages;
    private final ApprovalService approvals;
    private final FormOnce once;

    ApprovalPagesController(ApprovalPages pages, ApprovalService approvals, FormOnce once) {
        this.pages = pages;
        this.approvals = approvals;
        this.once = once;
    }

    @GetMapping(INBOX)
    String inbox(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("rows", pages.pending(viewer.caller()));
        return "approvals";
    }

    @PostMapping(INBOX + "/{approvalKey}/approve")
    String approve(Viewer viewer, HttpServletRequest request, @PathVariable String approvalKey,
                   @RequestParam(required = false) String comment,
                   @RequestParam String idempotencyKey) {
        AuditReason.note(request, comment);
        return decide(viewer, approvalKey, "approve", idempotencyKey,
                key -> approvals.approve(viewer.caller(), key, new DecisionRequest(comment)));
    }

    @PostMapping(INBOX + "/{approvalKey}/reject")
    String reject(Viewer viewer, HttpServletRequest request, @PathVariable String approvalKey,
                  @RequestParam(required = false) String comment,
                  @RequestParam String idempotencyKey) {
        AuditReason.note(request, comment);
        return decide(viewer, approvalKey, "reject", idempotencyKey,
                key -> approvals.reject(viewer.caller(), key, new DecisionRequest(comment)));
    }

    private String decide(Viewer viewer, String approvalKey, String verb, String idempotencyKey,
                          Consumer<String> decision) {
        String key = Keys.parse(approvalKey, "approvalKey").toString();
        return "redirect:" + once.run(viewer, idempotencyKey, INBOX + "/" + key + "/" + verb, () -> {
            decision.accept(key);
            return INBOX;
        });
    }
}
