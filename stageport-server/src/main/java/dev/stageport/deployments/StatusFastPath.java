package dev.stageport.deployments;

import dev.stageport.identity.BearerCallers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers the poll of an operation before the security chain and MVC, when everything
 * the full path would establish is already known: the token was verified before
 * ({@link BearerCallers}), the operation's response is kept ({@link StatusResponses}: a
 * finished one for good, a running one until it changes) and the caller may view its stage
 * ({@link DeploymentService#cachedStatusJson}). Anything else (a new token, an answer not kept, a
 * refusal, a query string, an odd Accept header) goes through the full path unchanged, so
 * errors are still decided and rendered in one place. It runs after trace ids, request
 * metrics and rate limits, and writes the same headers as the security chain.
 *
 * <p>Why: pipelines poll finished operations far more often than anything else, and on
 * that request the servlet and security layers cost most of the server's time
 * (docs/benchmarks.md). STAGEPORT_STATUS_FAST_PATH=off switches it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class StatusFastPath implements Filter {

    private static final String PREFIX = "/api/deployments/v1/deployment-operations/";
    static final String PATTERN = PREFIX + "{operationKey}";
    private static final int KEY_LENGTH = 36;

    /** Spring Security's default response headers, written by its own writers. */
    private static final List<HeaderWriter> HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final boolean enabled;
    private final BearerCallers callers;
    private final DeploymentService deployments;
    private final Counter answered;

    public StatusFastPath(@Value("${stageport.status-fast-path:on}") String mode, BearerCallers callers,
                          DeploymentService deployments, MeterRegistry meters) {
        this.enabled = !"off".equalsIgnoreCase(mode.trim());
        this.callers = callers;
        this.deployments = deployments;
        this.answered = Counter.builder("stageport.status.fast.path")
                .description("Polls of operations answered before the security chain")
                .register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        byte[] body = enabled ? answer(request) : null;
        if (body == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
        answered.increment();   // before the body: a client may read the count as soon as the answer arrives
        response.setStatus(HttpServletResponse.SC_OK);
        for (HeaderWriter writer : HEADERS) {
            writer.writeHeaders(request, response);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The cached body when every check of the full path is already settled in its favour; else null. */
    private byte[] answer(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || uri.length() != PREFIX.length() + KEY_LENGTH || !uri.startsWith(PREFIX) || !acceptsJson(request)) {
            return null;
        }
        return deployments.cachedStatusJson(uri.substring(PREFIX.length()), () -> callers.alreadyVerified(request));
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("*/*") || accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }
}
