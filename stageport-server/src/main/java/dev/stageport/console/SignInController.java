package dev.stageport.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page (password, and a button per single sign-on provider when any is configured). */
@Controller
class SignInController {

    record Provider(String name, String url) {
    }

    private final List<Provider> providers = new ArrayList<>();

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new Provider(registration.getClientName(),
                        ConsoleSecurityConfiguration.SSO_START + "/" + registration.getRegistrationId()));
            }
        }
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String login(Model model) {
        model.addAttribute("providers", providers);
        return "login";
    }

    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("title", "Not allowed");
        model.addAttribute("detail", "The form expired or was not sent by this console (no valid CSRF token); "
                + "reload the page and try again.");
        return "error";
    }
}
