package dev.stageport.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security's chain, where the caller is known, and leaves its client id
 * (or a console user's {@code user:NAME}) on the request ({@link #CLIENT_ID}) for filters that run before the chain and record the
 * request once it is answered (the audit log, the emulator's journal): the security context
 * is cleared again before control returns to them.
 */
public final class CallerCapture extends OncePerRequestFilter {

    public static final String CLIENT_ID = CallerCapture.class.getName() + ".clientId";
    /** After the security chain (-100), before the emulator's faults (-2) and the idempotency filter (0). */
    public static final int ORDER = -3;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            request.setAttribute(CLIENT_ID, jwt.getToken().getSubject());
        } else if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            // a console session: the same id the user's operations and decisions carry
            request.setAttribute(CLIENT_ID, ConsoleUser.callerId(auth.getName()));
        }
        chain.doFilter(request, response);
    }
}
