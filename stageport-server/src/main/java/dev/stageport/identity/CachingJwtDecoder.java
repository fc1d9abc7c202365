package dev.stageport.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, keyed by their SHA-256, until
 * they expire. Verifying an RSA signature dominates the cost of a small GET
 * (pipelines poll), and a verified token's claims cannot change. Revocation
 * does not depend on this: suspended clients are refused by {@link CallerDirectory}.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final TokenGenerations generations;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, TokenGenerations generations) {
        this.delegate = delegate;
        this.clock = clock;
        this.generations = generations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
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
        Jwt cached = verified.get(sha256(token));
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
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
