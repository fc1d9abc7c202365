package dev.stageport.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of the artifact store. Every blob gets a catalog row, so garbage
 * collection works the same on both databases; on PostgreSQL the bytes go into the
 * database too, in {@link #CHUNK_BYTES} pieces written in one transaction once the digest
 * is known, so any replica can read a blob another replica received. Neither direction
 * ever holds more than one chunk in memory.
 */
@Component
public class ArtifactCatalog {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final ArtifactRepository rows;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final boolean bytesInDatabase;

    public ArtifactCatalog(ArtifactRepository rows, PlatformTransactionManager transactions, Clock clock,
                           @Value("${stageport.db.url:}") String databaseUrl) {
        this.rows = rows;
        // its own transaction: a failed insert must not abort a caller's transaction on PostgreSQL
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.bytesInDatabase = databaseUrl.startsWith("jdbc:postgresql:");
    }

    /** True when every replica reads the bytes from the database (PostgreSQL). */
    public boolean bytesInDatabase() {
        return bytesInDatabase;
    }

    /**
     * Catalogues the blob whose verified bytes lie in {@code file}. With {@code hold}, the
     * caller keeps the blob from collection until it calls {@link #release}.
     */
    void record(String digest, long size, Path file, boolean hold) throws IOException {
        int holds = hold ? 1 : 0;
        if (rows.touch(digest, holds, clock.instant())) {
            return;
        }
        int chunks = bytesInDatabase ? (int) Math.max(1, (size + CHUNK_BYTES - 1) / CHUNK_BYTES) : 0;
        try {
            ownTransaction.executeWithoutResult(status -> {
                rows.insert(new ArtifactRepository.Entry(digest, size, chunks), holds, clock.instant());
                if (chunks > 0) {
                    writeChunks(digest, file);
                }
            });
        } catch (DuplicateKeyException storedMeanwhile) {
            rows.touch(digest, holds, clock.instant());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes the blob's bytes from the database to {@code target}; false when the database does not have them. */
    boolean fetch(String digest, OutputStream target) throws IOException {
        ArtifactRepository.Entry entry = rows.find(digest).orElse(null);
        if (entry == null || entry.chunks() == 0) {
            return false;
        }
        for (int index = 0; index < entry.chunks(); index++) {
            byte[] chunk = rows.chunk(digest, index).orElse(null);
            if (chunk == null) {
                return false; // collected while we read
            }
            target.write(chunk);
        }
        return true;
    }

    /**
     * The caller's hold ends; a blob nothing else holds or uses (a refused bundle) is removed
     * at once, {@code deleteLocal} running before the removal commits.
     */
    void release(String digest, Runnable deleteLocal) {
        discard(digest, true, deleteLocal);
    }

    /** Removes the blob now if nothing holds or uses it (e.g. once its asset was deleted). */
    void discardIfUnused(String digest, Runnable deleteLocal) {
        discard(digest, false, deleteLocal);
    }

    private void discard(String digest, boolean endHold, Runnable deleteLocal) {
        ownTransaction.executeWithoutResult(status -> {
            if (endHold) {
                rows.release(digest);
            }
            if (rows.deleteIfUnused(digest, clock.instant())) {
                rows.deleteChunks(digest);
                deleteLocal.run();
            }
        });
    }

    /** Removes the blob if nothing uses it and nobody stored it since {@code touchedBefore}. */
    boolean collect(String digest, Instant touchedBefore, Runnable deleteLocal) {
        Boolean collected = ownTransaction.execute(status -> {
            if (!rows.deleteIfUnusedSince(digest, touchedBefore, clock.instant())) {
                return false;
            }
            rows.deleteChunks(digest);
            deleteLocal.run();
            return true;
        });
        return Boolean.TRUE.equals(collected);
    }

    List<String> unusedSince(Instant touchedBefore, int limit) {
        return rows.unusedSince(touchedBefore, clock.instant(), limit);
    }

    boolean known(String digest) {
        return rows.find(digest).isPresent();
    }

    private void writeChunks(String digest, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int index = 0;
            byte[] chunk;
            do {
                chunk = in.readNBytes(CHUNK_BYTES);
                if (chunk.length > 0 || index == 0) {
                    rows.insertChunk(digest, index++, chunk);
                }
            } while (chunk.length == CHUNK_BYTES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
