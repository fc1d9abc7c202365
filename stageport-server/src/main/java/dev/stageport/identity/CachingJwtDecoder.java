package dev.stageport.identity;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, keyed by their text, until
 * they expire. Verifying an RSA signature dominates the cost of a small GET
 * (pipelines poll), and a verified token's claims cannot change. Revocation
 * does not depend on this: suspended clients are refused by {@link CallerDirectory}.
 *
 * <p>The key is the token's text, not a digest of it: the cached {@link Jwt} holds that text
 * anyway, and hashing ~800 characters on every poll was a tenth of the early answer's
 * allocation (docs/benchmarks.md). {@link TokenText} lets a lookup read the token inside
 * its Authorization header without copying it out.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final TokenGenerations generations;
    private final Map<TokenText, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, TokenGenerations generations) {
        this.delegate = delegate;
        this.clock = clock;
        this.generations = generations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        TokenText key = new TokenText(token, 0);
        Jwt cached = verified.get(key);
        if (cached != null) {
            if (unexpired(cached)) {
                return current(cached);
            }
            verified.remove(key);
            throw invalid("The token expired.", "expired");
        }
        Jwt jwt = current(delegate.decode(token));
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_ENTRIES) {
                // Rare (10,000 live tokens); starting over is simpler than an eviction order and stays correct.
                verified.clear();
            }
            verified.put(key, jwt);
        }
        return jwt;
    }

    /**
     * The token's claims when this decoder verified it before and it has not expired;
     * null otherwise. Never verifies: a null sends the request through the full check.
     */
    Jwt verifiedIfCached(String token) {
        return verifiedIfCached(token, 0);
    }

    /** {@link #verifiedIfCached(String)} of the token that starts at {@code from} in {@code text}. */
    Jwt verifiedIfCached(String text, int from) {
        Jwt cached = verified.get(new TokenText(text, from));
        return cached != null && unexpired(cached) && generations.accepts(cached) ? cached : null;
    }

    private Jwt current(Jwt jwt) {
        if (!generations.accepts(jwt)) {
            throw invalid("The token was issued before the emulator was reset.", "revoked");
        }
        return jwt;
    }

    private static JwtValidationException invalid(String message, String description) {
        return new JwtValidationException(message, java.util.List.of(
                new org.springframework.security.oauth2.core.OAuth2Error("invalid_token", description, null)));
    }

    private boolean unexpired(Jwt jwt) {
        return jwt.getExpiresAt() != null && clock.millis() < jwt.getExpiresAt().toEpochMilli();
    }

    /** The characters of {@code text} from {@code from} to its end, compared by content. */
    static final class TokenText {

        private final String text;
        private final int from;
        private final int hash;

        TokenText(String text, int from) {
            this.text = text;
            this.from = from;
            int h = 0;
            for (int i = from; i < text.length(); i++) {
                h = 31 * h + text.charAt(i);
            }
            this.hash = h;
        }

        private int length() {
            return text.length() - from;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenText that && that.hash == hash && that.length() == length()
                    && text.regionMatches(from, that.text, that.from, length());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
