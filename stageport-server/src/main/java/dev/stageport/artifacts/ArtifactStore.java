package dev.stageport.artifacts;

import dev.stageport.StageportProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Immutable blobs (uploaded bundles, build artifacts) on disk under
 * {@code <dataDir>/artifacts}, each named by the SHA-256 of its bytes. A blob is
 * streamed to a temporary file while its digest is computed and then moved into
 * place, so a reader never sees a partial blob and a large upload never sits in
 * memory. Storing the same bytes twice keeps one copy.
 */
@Component
public class ArtifactStore {

    private final Path root;

    // two constructors: Spring must be told which one to use, or the server does not start
    @Autowired
    public ArtifactStore(StageportProperties properties) {
        this(properties.dataDir().toAbsolutePath().normalize().resolve("artifacts"));
    }

    public ArtifactStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the artifact store at " + root, e);
        }
    }

    /** The digest and size of a stored blob; {@code digest} is "sha256:" + 64 hex digits. */
    public record StoredBlob(String digest, long size) {
    }

    /**
     * Streams {@code content} into the store.
     *
     * @throws TooLarge when the content exceeds {@code maxBytes}; nothing is kept
     */
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                size = copy(content, out, maxBytes);
            }
            String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            Path target = path(digest);
            if (!Files.exists(target)) {
                move(temp, target);
            }
            return new StoredBlob(digest, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores a file that is already on disk (e.g. a freshly written build artifact). */
    public StoredBlob put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, Long.MAX_VALUE);
        }
    }

    public Optional<Path> find(String digest) {
        Path path = path(digest);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Where the blob with this digest lives (or would live). */
    public Path path(String digest) {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a sha256 digest: " + digest);
        }
        String hex = digest.substring("sha256:".length());
        return root.resolve(hex.substring(0, 2)).resolve(hex + ".zip");
    }

    /** A scratch directory inside the store's volume, for work that ends in {@link #put(Path)}. */
    public Path scratch(String prefix) throws IOException {
        return Files.createTempDirectory(root.resolve("tmp"), prefix);
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static void move(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another writer stored the same bytes first; same digest, same content
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The content was larger than the limit the caller gave. */
    public static final class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("The content is larger than " + limit + " bytes.");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
