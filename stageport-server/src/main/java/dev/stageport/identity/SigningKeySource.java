package dev.stageport.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * The token signing key, read (or on a fresh database generated) when a token is first issued,
 * verified or its JWKS asked for, not while the server starts: generating a 2048-bit RSA key is
 * a large share of a fresh start's CPU on two cores, and nothing before the first token needs it.
 * Once read, the key set is held for the life of the process, as it was when read at start.
 */
final class SigningKeySource implements JWKSource<SecurityContext> {

    private final Supplier<JWKSet> load;
    private volatile JWKSet keys;

    SigningKeySource(Supplier<JWKSet> load) {
        this.load = load;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys());
    }

    JWKSet keys() {
        JWKSet loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    loaded = load.get();
                    keys = loaded;
                }
            }
        }
        return loaded;
    }
}
