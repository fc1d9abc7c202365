package dev.stageport.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The caller behind a request's bearer token, from what earlier requests already
 * established: a token whose signature was verified and has not expired, and a client
 * whose grants were read moments ago ({@link CallerDirectory}'s window, the same as the
 * full path's). It never verifies or refuses anything itself: null means "not known
 * yet", and the request then goes through the security chain, which checks, refuses
 * and renders errors in one place.
 */
@Component
public class BearerCallers {

    private static final String BEARER = "Bearer ";

    private final CachingJwtDecoder tokens;
    private final CallerDirectory directory;

    public BearerCallers(CachingJwtDecoder tokens, CallerDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    public Caller alreadyVerified(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        Jwt jwt = tokens.verifiedIfCached(header, BEARER.length());
        return jwt == null ? null : directory.activeOrNull(jwt.getSubject());
    }
}
