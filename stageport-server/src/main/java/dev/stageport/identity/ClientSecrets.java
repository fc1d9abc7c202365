package dev.stageport.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Generates and hashes API-client secrets. */
@Component
public class ClientSecrets {

    static final String ENCODING_ID = "hmac-sha256";

    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    public ClientSecrets(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** 256 random bits, URL-safe so it survives curl form fields unescaped. */
    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        return encoder.encode(secret);
    }
}
