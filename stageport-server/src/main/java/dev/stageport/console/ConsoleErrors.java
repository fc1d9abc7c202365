package dev.stageport.console;

import dev.stageport.errors.ApiException;
import dev.stageport.web.ErrorStatuses;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Console pages fail as pages: an unknown key is a 404 page, a refused action a 403 page, bad
 * input a 400 page naming the parameter; never a stack trace or a JSON problem.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private final ViewerResolver viewers;

    ConsoleErrors(ViewerResolver viewers) {
        this.viewers = viewers;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletResponse response, Model model) {
        int status = ErrorStatuses.of(e.code()).value();
        return page(response, model, status, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return page(response, model, 400, "The parameter '" + e.getName() + "' is not valid.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missingParameter(MissingServletRequestParameterException e, HttpServletResponse response, Model model) {
        return page(response, model, 400, "The parameter '" + e.getParameterName() + "' is required.");
    }

    @ExceptionHandler(ViewerResolver.SignedOut.class)
    String signedOut() {
        return "redirect:/console/login?signedOut";
    }

    /** With the menu when someone is signed in, so a refused or missing page is not a dead end. */
    private String page(HttpServletResponse response, Model model, int status, String detail) {
        response.setStatus(status);
        model.addAttribute("viewer", viewers.currentOrNull());
        model.addAttribute("status", status);
        model.addAttribute("title", switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 409 -> "Conflict";
            default -> status >= 500 ? "Something went wrong" : "Bad request";
        });
        model.addAttribute("detail", detail);
        return "error";
    }
}
