package dev.stageport.emulator;

import dev.stageport.identity.CallerCapture;
import dev.stageport.web.AsyncCompletion;
import dev.stageport.web.TraceIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes every request to /api/** and /identity/** into the {@link RequestJournal} once it is
 * answered, refused ones included: it runs before the rate limits and Spring Security's chain,
 * and {@link CallerCapture}, after the chain, leaves the caller on the request. The body of a
 * POST's answer is kept to read the key of the operation it created; tokens and secrets in
 * the path or query are redacted, and no header or request body is ever recorded.
 */
class JournalFilter extends OncePerRequestFilter {

    static final String REDACTED = "REDACTED";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|token|password|signature|code).*");
    private static final List<String> KEY_FIELDS = List.of("key", "operationKey", "buildKey", "publishKey");
    private static final int MAX_TEXT = 1000;

    private final RequestJournal journal;
    private final ObjectMapper json;
    private final Clock clock;

    JournalFilter(RequestJournal journal, ObjectMapper json, Clock clock) {
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/identity/")) || path.startsWith(JournalController.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant at = clock.instant();
        long started = System.nanoTime();
        ContentCachingResponseWrapper kept = "POST".equals(request.getMethod())
                ? new ContentCachingResponseWrapper(response) : null;
        boolean failed = true;
        try {
            chain.doFilter(request, kept != null ? kept : response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                AsyncCompletion.whenComplete(request, () -> record(request, response.getStatus(), kept, at, started));
            } else {
                record(request, failed ? 500 : response.getStatus(), kept, at, started);
            }
        }
    }

    private void record(HttpServletRequest request, int status, ContentCachingResponseWrapper kept, Instant at,
                        long started) throws IOException {
        String operationKey = kept == null || status >= 300 ? null : operationKey(kept.getContentAsByteArray());
        if (kept != null) {
            kept.copyBodyToResponse();
        }
        journal.record(new JournalEntry(at, request.getMethod(), truncate(redactPath(request.getRequestURI())),
                truncate(redactQuery(request.getQueryString())), status, truncate(caller(request)),
                (System.nanoTime() - started) / 1_000_000, operationKey, TraceIds.of(request)));
    }

    private String operationKey(byte[] body) {
        if (body.length == 0 || body.length > 64 * 1024) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                return null;
            }
            for (String field : KEY_FIELDS) {
                JsonNode value = tree.get(field);
                if (value != null && value.isString()) {
                    return truncate(value.asString());
                }
            }
            return null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String caller(HttpServletRequest request) {
        Object captured = request.getAttribute(CallerCapture.CLIENT_ID);
        if (captured != null) {
            return captured.toString();
        }
        if (!request.getRequestURI().startsWith("/identity/")) {
            return null;
        }
        String basic = request.getHeader("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? decoded.substring(0, colon) : null;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        // read only after the chain parsed the form, so the token endpoint saw the body first
        return request.getParameter("client_id");
    }

    /** The segment after /uploads/ is an upload URL's own credential. */
    static String redactPath(String path) {
        return path.replaceAll("(/uploads/)[^/]+", "$1" + REDACTED);
    }

    static String redactQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(eq >= 0 && SECRET_NAME.matcher(name).matches() ? name + "=" + REDACTED : pair);
        }
        return out.toString();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }
}
