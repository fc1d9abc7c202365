package dev.stageport.emulator;

import dev.stageport.errors.ErrorCode;
import dev.stageport.web.ErrorStatuses;
import dev.stageport.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a call an HTTP fault rule fires for as the server answers a real refusal (the
 * same ProblemDetails, Retry-After on 429), or slows it. Runs after Spring Security's chain,
 * so a call without a valid token is refused as always, and before the idempotency filter,
 * so a faulted call leaves no idempotency record and its retry is handled afresh.
 */
class FaultFilter extends OncePerRequestFilter {

    private static final String EMULATOR = "/api/stageport/v1/emulator/";

    private final FaultRules rules;
    private final ProblemWriter problems;

    FaultFilter(FaultRules rules, ProblemWriter problems) {
        this.rules = rules;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(EMULATOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FaultRule> fired = rules.httpFault(request.getMethod(), request.getRequestURI());
        if (fired.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        FaultRule rule = fired.get();
        request.setAttribute(FaultRules.INJECTED, rule.key());
        if (rule.delayMillis() > 0) {
            try {
                Thread.sleep(rule.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rule.status() == null) {
            chain.doFilter(request, response);
            return;
        }
        ErrorCode code = codeFor(rule.status());
        if (rule.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Integer.toString(rule.retryAfterSeconds()));
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        problems.write(request, response, code, detail(code, rule));
    }

    /** The first code answering that status, so 400 is VALIDATION_FAILED and 409 CONFLICT, as most refusals are. */
    static ErrorCode codeFor(int status) {
        return Arrays.stream(ErrorCode.values()).filter(c -> ErrorStatuses.of(c).value() == status).findFirst()
                .orElse(ErrorCode.INTERNAL_ERROR);
    }

    private static String detail(ErrorCode code, FaultRule rule) {
        return switch (code) {
            case TOO_MANY_REQUESTS -> "Rate limit reached; retry in " + rule.retryAfterSeconds() + " s.";
            case INTERNAL_ERROR -> "An internal error occurred; the request may be retried.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable; retry later.";
            case UNAUTHORIZED -> "The bearer token is malformed, expired or not signed by this server.";
            default -> code.title() + ".";
        };
    }
}
