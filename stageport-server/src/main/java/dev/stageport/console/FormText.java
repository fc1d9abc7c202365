package dev.stageport.console;

import dev.stageport.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a console request whose parameters hold a control character other than tab and line breaks:
 * no form or filter of the console needs one, and PostgreSQL refuses a NUL in text, so without this a
 * NUL typed or pasted into any field would reach the database and fail there instead of being a 400.
 */
final class FormText implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        return true;
    }

    private static void check(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw ApiException.badRequest("'" + printable(name) + "' contains the control character U+"
                        + String.format("%04X", (int) c) + "; remove it and send the form again.");
            }
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
