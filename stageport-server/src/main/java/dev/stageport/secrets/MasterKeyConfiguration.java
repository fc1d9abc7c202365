package dev.stageport.secrets;

import dev.stageport.StageportProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key comes from STAGEPORT_MASTER_KEY (base64 of 32 bytes) or, when that
 * is unset, from {@code master.key} in the data folder, generated on first start
 * and readable by its owner only. Replicas must share the same key.
 */
@Configuration(proxyBeanMethods = false)
public class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(StageportProperties properties) {
        byte[] key = properties.masterKey().isBlank()
                ? fromKeyFile(properties.dataDir().resolve("master.key"))
                : decode(properties.masterKey(), "STAGEPORT_MASTER_KEY");
        return new SecretCipher(new SecretKeySpec(key, "AES"));
    }

    private static byte[] fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "master", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key));
                try {
                    Files.move(temp, file);
                    log.info("Generated a new master key in {} (owner-only). Back it up: stored secrets need it.",
                            file.toAbsolutePath());
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    /**
     * @param source where the key came from, as the operator knows it (a variable or a file)
     * @throws InvalidMasterKey when it is not base64 of 32 bytes
     */
    public static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidMasterKey("the master key in " + source + " is not valid base64; it must be base64 of "
                    + "32 random bytes (for example: openssl rand -base64 32).");
        }
        if (key.length != 32) {
            throw new InvalidMasterKey("the master key in " + source + " is " + key.length + " bytes long; it must be "
                    + "base64 of 32 random bytes (for example: openssl rand -base64 32).");
        }
        return key;
    }
}
