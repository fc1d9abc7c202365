package dev.stageport.console;

import dev.stageport.errors.ApiException;
import dev.stageport.web.IdempotencyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A console form posted twice (a double click, a reload, a retry after a dropped connection)
 * does its work once: each form carries an idempotency key made when the page was rendered,
 * remembered per user with the page it led to, in the table the API's Idempotency-Key uses.
 */
@Component
class FormOnce {

    static final Duration KEEP_FOR = Duration.ofHours(24);

    private final IdempotencyRepository records;
    private final Clock clock;

    FormOnce(IdempotencyRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Runs {@code action} (which returns where to go next) unless this key already ran; then goes there again. */
    String run(Viewer viewer, String key, String path, Supplier<String> action) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ApiException.badRequest("The form's 'idempotencyKey' must be 1 to 200 characters; reload the page.");
        }
        String owner = viewer.caller().clientId();
        String request = digest(path);
        Instant now = clock.instant();
        Optional<IdempotencyRepository.Record> seen = records.find(owner, key).filter(r -> r.expiresAt().isAfter(now));
        if (seen.isEmpty()) {
            records.forgetIfExpired(owner, key, now);
            if (records.start(owner, key, request, now, now.plus(KEEP_FOR))) {
                String next;
                try {
                    next = action.get();
                } catch (RuntimeException e) {
                    records.release(owner, key);
                    throw e;
                }
                records.complete(owner, key, 303, "text/plain", next);
                return next;
            }
            seen = records.find(owner, key);
        }
        IdempotencyRepository.Record record = seen.orElseThrow(() -> still());
        if (!record.requestHash().equals(request)) {
            throw new ApiException(dev.stageport.errors.ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This form was already sent for something else; reload the page.");
        }
        if (record.status() == null) {
            throw still();
        }
        return record.body();
    }

    private static String digest(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException still() {
        return ApiException.conflict("This form is still being processed; reload the page in a moment.");
    }
}
