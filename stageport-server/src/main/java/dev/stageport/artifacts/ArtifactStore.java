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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Immutable blobs (uploaded bundles, build artifacts) on disk under
 * {@code <dataDir>/artifacts}, each named by the SHA-256 of its bytes. A blob is
 * streamed to a temporary file while its digest is computed, catalogued (and on
 * PostgreSQL copied into the database, see {@link ArtifactCatalog}) and then moved into
 * place, so a reader never sees a partial blob and a large upload never sits in
 * memory. Storing the same bytes twice keeps one copy. With the bytes in the database
 * the folder is a cache: {@link #find} fills it from the database when a blob is missing.
 */
@Component
public class ArtifactStore {

    private static final Logger log = LoggerFactory.getLogger(ArtifactStore.class);

    private final Path root;
    /** Null for a bare folder without a database (unit tests). */
    private final ArtifactCatalog catalog;

    // two constructors: Spring must be told which one to use, or the server does not start
    @Autowired
    public ArtifactStore(StageportProperties properties, ArtifactCatalog catalog) {
        this(properties.dataDir().toAbsolutePath().normalize().resolve("artifacts"), catalog);
    }

    public ArtifactStore(Path root) {
        this(root, null);
    }

    public ArtifactStore(Path root, ArtifactCatalog catalog) {
        this.root = root;
        this.catalog = catalog;
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
        return put(content, maxBytes, false);
    }

    /**
     * Like {@link #put(InputStream, long)}, and the blob is not collected until the caller
     * calls {@link #release}: for an upload that still has to decide whether a revision keeps it.
     */
    public StoredBlob putHeld(InputStream content, long maxBytes) throws IOException {
        return put(content, maxBytes, true);
    }

    /** Ends the hold of {@link #putHeld}; a blob nothing uses (a refused bundle) is removed at once. */
    public void release(String digest) {
        if (catalog != null) {
            catalog.release(digest, () -> deleteLocal(digest));
        }
    }

    /** Removes a blob nothing holds or uses any more, e.g. those of a deleted asset. */
    public void discardIfUnused(String digest) {
        if (catalog != null) {
            catalog.discardIfUnused(digest, () -> deleteLocal(digest));
        }
    }

    private StoredBlob put(InputStream content, long maxBytes, boolean hold) throws IOException {
        Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                size = copy(content, out, maxBytes);
            }
            String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            Path target = path(digest);
            if (catalog != null) {
                catalog.record(digest, size, temp, hold);
            }
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

    /** The blob's file, copied from the database first when this replica has not seen it yet. */
    public Optional<Path> find(String digest) {
        Path path = path(digest);
        if (Files.isRegularFile(path)) {
            return Optional.of(path);
        }
        if (catalog == null || !catalog.bytesInDatabase()) {
            return Optional.empty();
        }
        try {
            return fetch(digest, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the artifact " + digest + " from the database", e);
        }
    }

    private Optional<Path> fetch(String digest, Path target) throws IOException {
        Path temp = Files.createTempFile(root.resolve("tmp"), "fetch-", ".part");
        try {
            MessageDigest sha256 = sha256();
            boolean found;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                found = catalog.fetch(digest, out);
            }
            if (!found) {
                return Optional.empty();
            }
            if (!digest.equals("sha256:" + HexFormat.of().formatHex(sha256.digest()))) {
                log.error("The artifact {} in the database does not match its digest; treating it as missing.",
                        digest);
                return Optional.empty();
            }
            move(temp, target);
            return Optional.of(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes this replica's copy (the blob was collected). */
    void deleteLocal(String digest) {
        try {
            Files.deleteIfExists(path(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the artifact " + digest, e);
        }
    }

    /** The digests of the blobs in this replica's folder. */
    List<String> localDigests() throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(root.resolve("tmp")))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f]{64}\\.zip"))
                    .map(name -> "sha256:" + name.substring(0, 64)).toList();
        }
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
