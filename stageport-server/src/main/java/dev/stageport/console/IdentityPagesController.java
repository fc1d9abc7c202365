package dev.stageport.console;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.ApiClientService;
import dev.stageport.identity.ConsoleUserService;
import dev.stageport.identity.api.ApiClientRequest;
import dev.stageport.identity.api.ApiClientResponse;
import dev.stageport.identity.api.ConsoleUserRequest;
import dev.stageport.identity.api.ConsoleUserResponse;
import dev.stageport.identity.api.PermissionGrant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and suspending API clients and console users on the identities page, by the API's
 * rules (Manage API clients). A new secret or password is shown once: it travels to the next
 * page as a flash attribute and is stored nowhere else, so a reload no longer shows it.
 */
@Controller
class IdentityPagesController {

    static final String PAGE = "/console/identities";

    private final ApiClientService clients;
    private final ConsoleUserService users;
    private final FormOnce once;

    IdentityPagesController(ApiClientService clients, ConsoleUserService users, FormOnce once) {
        this.clients = clients;
        this.users = users;
        this.once = once;
    }

    @PostMapping(PAGE + "/api-clients")
    String createClient(Viewer viewer, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String description,
                        @RequestParam(name = "grant", required = false) List<String> grants,
                        @RequestParam String idempotencyKey, RedirectAttributes next) {
        return "redirect:" + once.run(viewer, idempotencyKey, PAGE + "/api-clients", () -> {
            ApiClientResponse created = clients.create(viewer.caller(), new ApiClientRequest(name,
                    description == null || description.isBlank() ? null : description, null, grants(grants)));
            next.addFlashAttribute("created", created.clientId());
            next.addFlashAttribute("secret", created.clientSecret());
            return PAGE;
        });
    }

    @PostMapping(PAGE + "/console-users")
    String createUser(Viewer viewer, @RequestParam(required = false) String username,
                      @RequestParam(required = false) String displayName,
                      @RequestParam(name = "grant", required = false) List<String> grants,
                      @RequestParam String idempotencyKey, RedirectAttributes next) {
        return "redirect:" + once.run(viewer, idempotencyKey, PAGE + "/console-users", () -> {
            ConsoleUserResponse created = users.create(viewer.caller(), new ConsoleUserRequest(username,
                    displayName == null || displayName.isBlank() ? null : displayName, null, grants(grants)));
            next.addFlashAttribute("created", created.username());
            next.addFlashAttribute("secret", created.password());
            return PAGE;
        });
    }

    @PostMapping(PAGE + "/api-clients/{clientId}/status")
    String clientStatus(Viewer viewer, @PathVariable String clientId, @RequestParam boolean suspended) {
        clients.setSuspended(viewer.caller(), clientId, suspended);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/console-users/{username}/status")
    String userStatus(Viewer viewer, @PathVariable String username, @RequestParam boolean suspended) {
        users.setSuspended(viewer.caller(), username, suspended);
        return "redirect:" + PAGE;
    }

    /** The form's checkboxes are "PermissionCode@environmentKey" ("*": every stage). */
    static List<PermissionGrant> grants(List<String> checked) {
        return (checked == null ? List.<String>of() : checked).stream().map(g -> {
            int at = g.indexOf('@');
            if (at <= 0 || at == g.length() - 1) {
                throw ApiException.badRequest("'grant' must be PermissionCode@environmentKey, got '" + g + "'.");
            }
            return new PermissionGrant(g.substring(0, at), g.substring(at + 1));
        }).toList();
    }
}
