package dev.stageport.assets;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Stageport's take on pre-signed upload URLs: POST /uploads returns a URL with a
 * random 256-bit secret in its path; a PUT of the bundle to it needs no bearer
 * token (the secret is the authorisation, as with a pre-signed object-store URL),
 * and POST /assets with {@code fileUri} set to the URL then creates the revision
 * (each such POST creates one, like uploading the same zip again). A URL lasts an hour.
 */
@Service
public class UploadUrlService {

    static final String PATH = "/api/asset-repository/v1/uploads/";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UploadUrlRepository uploads;
    private final AssetUploadService bundles;
    private final Clock clock;

    public UploadUrlService(UploadUrlRepository uploads, AssetUploadService bundles, Clock clock) {
        this.uploads = uploads;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** A new upload URL path (the controller makes it absolute). */
    public String create(Caller caller) {
        AssetUploadService.requireUploader(caller);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        uploads.deleteExpired(now);
        uploads.insert(hash(token), caller.clientId(), now, now.plus(LIFETIME));
        return PATH + token;
    }

    /** The PUT to an upload URL: streams the bundle into the store (no validation yet). */
    public void receive(String token, InputStream body) {
        UploadUrlRepository.Upload upload = live(token);
        String digest = bundles.storeHeld(body).digest();
        try {
            uploads.attach(upload.tokenHash(), digest);
        } finally {
            bundles.release(digest);
        }
    }

    /** POST /assets with {@code fileUri}: the bundle behind the URL becomes a revision. */
    public AssetRevision createRevision(Caller caller, String fileUri, UploadOptions options) {
        AssetUploadService.requireUploader(caller);
        int at = fileUri.indexOf(PATH);
        String token = at < 0 ? "" : fileUri.substring(at + PATH.length());
        if (token.isEmpty() || token.contains("/") || token.contains("?")) {
            throw ApiException.badRequest("'fileUri' must be an upload URL returned by POST /uploads.");
        }
        UploadUrlRepository.Upload upload = live(token);
        if (upload.blobDigest() == null) {
            throw ApiException.badRequest("Nothing was uploaded to 'fileUri' yet; PUT the bundle to it first.");
        }
        return bundles.createFromStored(caller, upload.blobDigest(), options, caller.clientId());
    }

    private UploadUrlRepository.Upload live(String token) {
        return uploads.find(hash(token)).filter(u -> u.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("No such upload URL, or it expired."));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
