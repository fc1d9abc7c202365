package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces the ODC rate limits per one-minute window, shared across replicas
 * through the database. A refused request gets 429 ProblemDetails with
 * Retry-After (seconds until the window ends). STAGEPORT_RATE_LIMITS=off
 * switches it off entirely, for load tests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter extends OnceEachRequest {

    private final RateLimitRules rules;
    private final RateLimitRepository windows;
    private final ProblemWriter problems;
    private final Clock clock;
    private final MeterRegistry meters;
    /**
     * Bucket names come from the request path, which anyone can make up: past this many
     * distinct labels the rest count as "other", so junk paths cannot grow the scrape.
     */
    private static final int MAX_BUCKET_LABELS = 64;
    private final Set<String> bucketLabels = ConcurrentHashMap.newKeySet();

    public RateLimitFilter(@Value("${stageport.rate-limits.mode:on}") String mode,
                           @Value("${stageport.rate-limits.domain-per-minute:100}") int domainPerMinute,
                           @Value("${stageport.rate-limits.post-per-minute:10}") int postPerMinute,
                           RateLimitRepository windows, ProblemWriter problems, Clock clock,
                           MeterRegistry meters) {
        this.rules = new RateLimitRules(!"off".equalsIgnoreCase(mode.trim()), domainPerMinute, postPerMinute);
        this.windows = windows;
        this.problems = problems;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !rules.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<RateLimitRules.Bucket> buckets = rules.bucketsFor(request.getMethod(), request.getRequestURI());
        if (!buckets.isEmpty()) {
            long now = clock.millis();
            long window = now / 60_000;
            windows.ensureWindows(buckets, window);
            RateLimitRules.Bucket full = windows.acquire(buckets, window);
            if (full != null) {
                long retryAfter = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
                Counter.builder("stageport.rate.limit.rejections")
                        .description("Requests refused with 429 because a rate-limit bucket was full")
                        .tag("bucket", bucketLabel(full.name())).register(meters).increment();
                response.setHeader("Retry-After", Long.toString(retryAfter));
                problems.write(request, response, ErrorCode.TOO_MANY_REQUESTS, "Rate limit of " + full.limit()
                        + " requests per minute reached for '" + full.name() + "'; retry in " + retryAfter + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String bucketLabel(String bucket) {
        if (bucketLabels.contains(bucket)) {
            return bucket;
        }
        if (bucketLabels.size() < MAX_BUCKET_LABELS) {
            bucketLabels.add(bucket);
            return bucket;
        }
        return "other";
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldWindows() {
        if (rules.enabled()) {
            windows.forgetBefore(clock.millis() / 60_000 - 2);
        }
    }
}
