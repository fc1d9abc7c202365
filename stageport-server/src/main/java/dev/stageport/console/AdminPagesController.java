package dev.stageport.console;

import dev.stageport.audit.AuditService;
import dev.stageport.identity.ApiClientService;
import dev.stageport.identity.ConsoleUserService;
import dev.stageport.portfolio.PortfolioService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log and the identities (API clients, console users): tenant-wide, for managers only. */
@Controller
class AdminPagesController {

    static final int PAGE = 100;

    private final AuditService audit;
    private final ApiClientService clients;
    private final ConsoleUserService users;
    private final PortfolioService portfolio;

    AdminPagesController(AuditService audit, ApiClientService clients, ConsoleUserService users,
                         PortfolioService portfolio) {
        this.audit = audit;
        this.clients = clients;
        this.users = users;
        this.portfolio = portfolio;
    }

    @GetMapping("/console/audit")
    String audit(Viewer viewer, @RequestParam(required = false) String clientId,
                 @RequestParam(required = false) String method, @RequestParam(required = false) String status,
                 @RequestParam(required = false) Integer offset, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("events", audit.list(viewer.caller(), blank(clientId), null, null, blank(method),
                blank(status), null, null, PAGE, offset).results());
        model.addAttribute("clientId", clientId);
        model.addAttribute("method", method);
        model.addAttribute("status", status);
        return "audit";
    }

    @GetMapping("/console/identities")
    String identities(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("clients", clients.list(viewer.caller()));
        model.addAttribute("users", users.list(viewer.caller()));
        model.addAttribute("emptyGrid", GrantGrid.empty(portfolio.visibleStages(viewer.caller())));
        return "identities";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
