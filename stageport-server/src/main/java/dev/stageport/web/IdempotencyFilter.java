package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotent retries of POSTs: a request with an {@code Idempotency-Key} header
 * is remembered per API client; the same key with the same body gets the first
 * answer again (no second operation), the same key with another body gets 422,
 * and a key whose first request is still running gets 409. Server errors are
 * not remembered, so a retry after one does the work. Runs after authentication
 * (keys are scoped to the client), registered in {@link IdempotencyConfiguration}.
 */
public class IdempotencyFilter extends OnceEachRequest {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int CLAIM_ATTEMPTS = 3;
    static final String STILL_RUNNING = "The first request with this Idempotency-Key is still running; retry shortly.";

    private final IdempotencyRepository records;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration keepFor;

    public IdempotencyFilter(IdempotencyRepository records, ProblemWriter problems, Clock clock,
                             @Value("${stageport.idempotency.keep-for:24h}") Duration keepFor) {
        this.records = records;
        this.problems = problems;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || StreamedUploads.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || key.isEmpty() || key.length() > 200) {
            if (key.isEmpty() || key.length() > 200) {
                problems.write(request, response, ErrorCode.VALIDATION_FAILED,
                        "The Idempotency-Key header must be 1 to 200 characters.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE,
                    "Requests with an Idempotency-Key may carry at most 1 MB.");
            return;
        }
        String client = auth.getName();
        String hash = hash(request.getRequestURI(), body);
        Instant now = clock.instant();
        // a competing request may claim, finish or give up the key between our steps: look again
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<IdempotencyRepository.Record> seen = records.find(client, key)
                    .filter(r -> r.expiresAt().isAfter(now));
            if (seen.isPresent()) {
                replayOrRefuse(request, response, seen.get(), hash);
                return;
            }
            // only an expired record goes: a fresh claim made meanwhile by another request stays
            records.forgetIfExpired(client, key, now);
            if (records.start(client, key, hash, now, now.plus(keepFor))) {
                runFirst(new CachedBody(request, body), response, chain, client, key);
                return;
            }
        }
        problems.write(request, response, ErrorCode.CONFLICT, STILL_RUNNING);
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String client,
                          String key) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                records.complete(client, key, captured.getStatus(), captured.getContentType(),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                remembered = true;
            }
        } finally {
            if (!remembered) {
                records.release(client, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(HttpServletRequest request, HttpServletResponse response,
                                IdempotencyRepository.Record record, String hash) throws IOException {
        if (!record.requestHash().equals(hash)) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with"
                    + " a different request body; use a new key for a new request.");
            return;
        }
        if (record.status() == null) {
            problems.write(request, response, ErrorCode.CONFLICT, STILL_RUNNING);
            return;
        }
        response.setStatus(record.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.body() != null) {
            response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Scheduled(fixedDelay = 300_000)
    void forgetExpired() {
        records.forgetExpired(clock.instant());
    }

    static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read the body the filter already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
