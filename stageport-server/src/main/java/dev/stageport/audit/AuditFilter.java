package dev.stageport.audit;

import dev.stageport.identity.CallerCapture;
import dev.stageport.web.AsyncCompletion;
import dev.stageport.web.TraceIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every POST, PUT, PATCH and DELETE under /api/, and every form the console
 * posts (sign-in and sign-out aside), in the audit log once it has been answered,
 * refused ones included. It runs just before Spring Security's
 * chain so that a request refused there (401) is recorded too; the caller is
 * picked up on the way in by {@link CallerCapture}, which runs after the chain.
 * Wired in {@link AuditConfiguration}.
 */
public class AuditFilter extends OncePerRequestFilter {

    /** Why the change was made, when the request says so; set by {@link AuditReason}. */
    static final String REASON = AuditFilter.class.getName() + ".reason";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String DEPLOYMENT_OPERATIONS = "/api/deployments/v1/deployment-operations";
    /** Sign-in attempts are throttled, not audited: their caller is not known yet. */
    private static final Set<String> UNAUDITED_CONSOLE = Set.of("/console/login", "/console/logout");
    private static final Pattern KEY = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditFilter(AuditService audit, ObjectMapper json, Clock clock) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean console = path.startsWith("/console/") && !UNAUDITED_CONSOLE.contains(path);
        return !MUTATING.contains(request.getMethod()) || !(path.startsWith("/api/") || console);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant start = clock.instant();
        // The deployment body names stage and asset; cache it as the controller reads it
        // (never read ahead of it), so an unauthenticated body is never even parsed.
        HttpServletRequest audited = carriesKeysInBody(request)
                ? new ContentCachingRequestWrapper(request, MAX_BODY_BYTES) : request;
        boolean failed = true;
        try {
            chain.doFilter(audited, response);
            failed = false;
        } finally {
            if (!failed && audited.isAsyncStarted()) {
                AsyncCompletion.whenComplete(audited, () -> record(audited, response.getStatus(), start));
            } else {
                // An exception escaping the chain becomes a 500 after we return.
                record(audited, failed ? 500 : response.getStatus(), start);
            }
        }
    }

    private static boolean carriesKeysInBody(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && (path.equals(DEPLOYMENT_OPERATIONS) || path.equals(DEPLOYMENT_OPERATIONS + "/"));
    }

    private void record(HttpServletRequest request, int status, Instant start) {
        try {
            Instant end = clock.instant();
            String path = request.getRequestURI();
            String environmentKey = null;
            String assetKey = null;
            String[] segments = path.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                switch (segments[i]) {
                    case "environments", "configuration" -> environmentKey = key(segments[i + 1]);
                    case "applications", "assets" -> assetKey = key(segments[i + 1]);
                    default -> {
                    }
                }
            }
            if (environmentKey == null && path.startsWith("/console/")) {
                // a console form names its stage in a field, which the controller has read by now
                environmentKey = key(request.getParameter("environmentKey"));
            }
            if (request instanceof ContentCachingRequestWrapper cached) {
                JsonNode body = bodyOf(cached);
                if (body != null) {
                    environmentKey = key(body.path("environmentKey").asString(null));
                    assetKey = key(body.path("assetKey").asString(null));
                }
            }
            Object caller = request.getAttribute(CallerCapture.CLIENT_ID);
            Object reason = request.getAttribute(REASON);
            audit.record(new AuditEvent(null, start, caller == null ? null : caller.toString(),
                    truncate(request.getRemoteAddr(), 100), request.getMethod(), truncate(path, 1000),
                    environmentKey, assetKey, status, truncate(TraceIds.of(request), 64),
                    Math.max(0, Duration.between(start, end).toMillis()),
                    reason == null ? null : truncate(reason.toString(), 2000)));
        } catch (RuntimeException e) {
            log.error("Could not audit {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    /** The body the controller read, as JSON; null when it was not JSON, not read or too large. */
    private JsonNode bodyOf(ContentCachingRequestWrapper cached) {
        byte[] body = cached.getContentAsByteArray();
        if (body.length == 0 || body.length >= MAX_BODY_BYTES) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Only a well-formed key is kept: anything else in that place is not a key and may be anything. */
    private static String key(String value) {
        return value != null && KEY.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
