package dev.stageport.console;

import dev.stageport.identity.ApiClientService;
import dev.stageport.identity.Caller;
import dev.stageport.identity.ConsoleUserService;
import dev.stageport.identity.Permission;
import dev.stageport.identity.api.ApiClientResponse;
import dev.stageport.identity.api.ConsoleUserResponse;
import dev.stageport.identity.api.PermissionGrant;
import dev.stageport.portfolio.PortfolioService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the grants of an existing API client or console user: the grid of the create forms,
 * ticked as the identity is now; saving replaces the grants through the same services (and rules)
 * as the API's PUT .../permissions, so posting the same form twice leaves the same grants.
 */
@Controller
class GrantPagesController {

    static final String CLIENT = IdentityPagesController.PAGE + "/api-clients/{clientId}";
    static final String USER = IdentityPagesController.PAGE + "/console-users/{username}";

    private final ApiClientService clients;
    private final ConsoleUserService users;
    private final PortfolioService portfolio;

    GrantPagesController(ApiClientService clients, ConsoleUserService users, PortfolioService portfolio) {
        this.clients = clients;
        this.users = users;
        this.portfolio = portfolio;
    }

    @GetMapping(CLIENT)
    String client(Viewer viewer, @PathVariable String clientId, Model model) {
        ApiClientResponse client = clients.get(viewer.caller(), clientId);
        model.addAttribute("kind", "API client");
        model.addAttribute("name", client.name());
        model.addAttribute("id", client.clientId());
        model.addAttribute("action", IdentityPagesController.PAGE + "/api-clients/" + client.clientId() + "/permissions");
        return page(viewer, model, client.permissions(), false);
    }

    @GetMapping(USER)
    String user(Viewer viewer, @PathVariable String username, Model model) {
        ConsoleUserResponse user = users.get(viewer.caller(), username);
        model.addAttribute("kind", "Console user");
        model.addAttribute("name", user.displayName() == null ? user.username() : user.displayName());
        model.addAttribute("id", user.username());
        model.addAttribute("action", IdentityPagesController.PAGE + "/console-users/" + user.username() + "/permissions");
        return page(viewer, model, user.permissions(), user.username().equals(viewer.username()));
    }

    @PostMapping(CLIENT + "/permissions")
    String saveClient(Viewer viewer, @PathVariable String clientId,
                      @RequestParam(name = "grant", required = false) List<String> grants, RedirectAttributes next) {
        ApiClientResponse saved = clients.setPermissions(viewer.caller(), clientId, IdentityPagesController.grants(grants));
        next.addFlashAttribute("saved", saved.clientId());
        return "redirect:" + IdentityPagesController.PAGE;
    }

    @PostMapping(USER + "/permissions")
    String saveUser(Viewer viewer, @PathVariable String username,
                    @RequestParam(name = "grant", required = false) List<String> grants, RedirectAttributes next) {
        ConsoleUserResponse saved = users.setPermissions(viewer.caller(), username, IdentityPagesController.grants(grants));
        if (saved.username().equals(viewer.username()) && !managesIdentities(saved.permissions())) {
            // the API lets a manager give up their own Manage API clients; the identities page is then not theirs
            return "redirect:/console";
        }
        next.addFlashAttribute("saved", saved.username());
        return "redirect:" + IdentityPagesController.PAGE;
    }

    private String page(Viewer viewer, Model model, List<PermissionGrant> granted, boolean self) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("self", self);
        model.addAttribute("grid", GrantGrid.of(portfolio.visibleStages(viewer.caller()), granted));
        return "identity";
    }

    private static boolean managesIdentities(List<PermissionGrant> permissions) {
        return permissions.contains(new PermissionGrant(Permission.MANAGE_API_CLIENTS.code(), Caller.EVERY_STAGE));
    }
}
