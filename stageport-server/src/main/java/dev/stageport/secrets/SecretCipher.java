package dev.stageport.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the master key. Authenticated, so a tampered value fails to
 * decrypt instead of yielding garbage. Output: version byte, 12-byte nonce, ciphertext+tag.
 */
public final class SecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private static final String DIGEST_PURPOSE = "stageport configuration digest v1";

    private final SecretKey key;
    private final SecretKeySpec digestKey;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretKey key) {
        this.key = key;
        // a key of its own for digests, derived from the master key: a digest never helps to decrypt
        this.digestKey = new SecretKeySpec(hmac(new SecretKeySpec(key.getEncoded(), "HmacSHA256"),
                DIGEST_PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /**
     * A keyed digest (HMAC-SHA256) of a clear value: equal values give equal digests on every
     * replica with the same master key, and nobody without it can test guesses against one.
     */
    public String digest(String clear) {
        return Base64.getEncoder().encodeToString(hmac(digestKey, clear.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] box) {
        if (box.length < 1 + NONCE_BYTES || box[0] != VERSION) {
            throw new IllegalStateException("Not a value sealed by this server");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 1, NONCE_BYTES));
            return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new WrongMasterKey(e);
        }
    }

    /** Text form for varchar columns. */
    public String encryptText(String plain) {
        return Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decryptText(String sealed) {
        return new String(decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }
}
