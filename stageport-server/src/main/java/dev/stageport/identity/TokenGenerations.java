package dev.stageport.identity;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Lets every token issued so far be refused at once, without a list of tokens: each token
 * carries the generation it was issued in, and a generation below the oldest accepted one
 * is refused. The emulator uses it when its seed says tokens do not survive a reset. Kept in
 * the server's memory: a restart accepts every unexpired token again, as it does today.
 */
@Component
public class TokenGenerations {

    static final String CLAIM = "stageport_generation";

    private final AtomicLong current = new AtomicLong();
    private volatile long oldestAccepted;

    long current() {
        return current.get();
    }

    boolean accepts(Jwt jwt) {
        Object generation = jwt.getClaims().get(CLAIM);
        long issuedIn = generation instanceof Number number ? number.longValue() : 0;
        return issuedIn >= oldestAccepted;
    }

    /** Tokens issued before this call are refused from now on; tokens issued after it are not. */
    public synchronized void refuseAllIssuedSoFar() {
        oldestAccepted = current.incrementAndGet();
    }
}
