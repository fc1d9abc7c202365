package dev.stageport.assets;

import dev.stageport.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * The files behind a revision: the bundle it was uploaded as (kept in the artifact store under
 * the digest computed at upload) and the optional icon inside it (docs/bundles.md).
 */
@Component
public class RevisionFiles {

    /** The icon's entry name at the bundle's root. */
    public static final String ICON = "icon.png";
    /** A larger icon is not served: icons are small pictures, and this one would sit in memory. */
    static final int MAX_ICON_BYTES = 1024 * 1024;

    private final AssetRepository assets;
    private final ArtifactStore store;

    public RevisionFiles(AssetRepository assets, ArtifactStore store) {
        this.assets = assets;
        this.store = store;
    }

    /** The bundle's "sha256:..." digest, when the revision came from an uploaded bundle that is still stored. */
    public Optional<String> bundleDigest(String assetKey, int revision) {
        return assets.bundleDigest(assetKey, revision).filter(d -> store.find(d).isPresent());
    }

    public Optional<Path> bundle(String assetKey, int revision) {
        return assets.bundleDigest(assetKey, revision).flatMap(store::find);
    }

    public Optional<byte[]> icon(String assetKey, int revision) {
        return bundle(assetKey, revision).flatMap(RevisionFiles::icon);
    }

    private static Optional<byte[]> icon(Path bundle) {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry entry = zip.getEntry(ICON);
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes(MAX_ICON_BYTES + 1);
                return bytes.length > MAX_ICON_BYTES ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stored bundle " + bundle, e);
        }
    }

    /** ODC writes digests as UUIDs: the first 128 bits of the SHA-256, in UUID form. */
    public static String uuidOf(String sha256Digest) {
        String hex = sha256Digest.substring(sha256Digest.indexOf(':') + 1);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    public static String uuidOf(byte[] content) {
        try {
            return uuidOf(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
