package dev.stageport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.stageport.secrets.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token signing key lives in the database, encrypted under the master key,
 * so tokens survive restarts and every replica signs and verifies alike. The
 * first replica to start creates it; the others read the winner.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final String PRIMARY = "primary";
    /** A small random value sealed at a database's first start, so every later start can prove its master key. */
    static final String SEAL = "seal";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    public SigningKeys(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Proves at start that the master key opens this database's secrets, so a wrong key is refused at
     * once rather than at the first token. Cheap, unlike generating the signing key, which waits for the
     * first token: a fresh database gets a sealed random value that later starts open instead.
     *
     * @throws dev.stageport.secrets.WrongMasterKey when the key is not the one the database was sealed with
     */
    public void checkMasterKey() {
        Optional<byte[]> seal = stored(SEAL);
        if (seal.isPresent()) {
            cipher.decrypt(seal.get());
            return;
        }
        // a database from before the seal: its signing key proves the master key as well
        stored(PRIMARY).ifPresent(cipher::decrypt);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.sql("insert into signing_key (key_id, encrypted_jwk, created_at) values (?, ?, ?)")
                    .params(SEAL, cipher.encrypt(random), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException raced) {
            stored(SEAL).ifPresent(cipher::decrypt);
        }
    }

    private Optional<byte[]> stored(String keyId) {
        return jdbc.sql("select encrypted_jwk from signing_key where key_id = ?").param(keyId).query(byte[].class)
                .optional();
    }

    public JWKSet load() {
        return new JWKSet(loadOrCreate());
    }

    private RSAKey loadOrCreate() {
        var stored = stored(PRIMARY);
        if (stored.isPresent()) {
            return parse(stored.get());
        }
        long started = System.nanoTime();
        RSAKey generated = generate();
        // part of a fresh database's start: the benchmark report reads this line (docs/benchmarks.md)
        log.info("Generated the token signing key in {} ms.", (System.nanoTime() - started) / 1_000_000);
        try {
            jdbc.sql("insert into signing_key (key_id, encrypted_jwk, created_at) values (?, ?, ?)")
                    .params(PRIMARY, cipher.encrypt(generated.toJSONString().getBytes(StandardCharsets.UTF_8)),
                            Timestamp.from(clock.instant()))
                    .update();
            return generated;
        } catch (DuplicateKeyException raced) {
            return loadOrCreate();
        }
    }

    private RSAKey parse(byte[] sealed) {
        try {
            return RSAKey.parse(new String(cipher.decrypt(sealed), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key is unreadable", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}
