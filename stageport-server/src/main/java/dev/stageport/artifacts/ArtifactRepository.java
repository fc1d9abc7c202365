package dev.stageport.artifacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the artifact catalog (table artifact) and of the chunked bytes (table artifact_chunk). */
@Repository
public class ArtifactRepository {

    /** Nothing keeps the blob {@code a.digest}: no revision, no build, no live upload URL. */
    private static final String UNUSED = """
            not exists (select 1 from asset_revision r where r.bundle_digest = a.digest)
            and not exists (select 1 from build b where b.artifact_digest = a.digest)
            and not exists (select 1 from bundle_upload u where u.blob_digest = a.digest and u.expires_at > ?)""";

    /** A catalogued blob; {@code chunks} is 0 when its bytes live only in a local folder. */
    public record Entry(String digest, long size, int chunks) {
    }

    private final JdbcClient jdbc;

    public ArtifactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String digest) {
        return jdbc.sql("select digest, size_bytes, chunks from artifact where digest = ?").param(digest)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getInt(3))).optional();
    }

    /** Throws DuplicateKeyException when another writer catalogued the same bytes first. */
    void insert(Entry entry, int holds, Instant now) {
        jdbc.sql("""
                insert into artifact (digest, size_bytes, chunks, holds, stored_at, touched_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(entry.digest(), entry.size(), entry.chunks(), holds, ts(now), ts(now)).update();
    }

    /** Someone stored these bytes again; false when the blob is not (or no longer) catalogued. */
    boolean touch(String digest, int holds, Instant now) {
        return jdbc.sql("update artifact set holds = holds + ?, touched_at = ? where digest = ?")
                .params(holds, ts(now), digest).update() == 1;
    }

    void release(String digest) {
        jdbc.sql("update artifact set holds = holds - 1 where digest = ? and holds > 0").param(digest).update();
    }

    void insertChunk(String digest, int index, byte[] content) {
        jdbc.sql("insert into artifact_chunk (digest, chunk_index, content) values (?, ?, ?)")
                .params(digest, index, content).update();
    }

    Optional<byte[]> chunk(String digest, int index) {
        return jdbc.sql("select content from artifact_chunk where digest = ? and chunk_index = ?")
                .params(digest, index).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Deletes the catalog row if nothing holds or uses the blob; true when it did. */
    boolean deleteIfUnused(String digest, Instant now) {
        return jdbc.sql("delete from artifact a where a.digest = ? and a.holds = 0 and " + UNUSED)
                .params(digest, ts(now)).update() == 1;
    }

    /**
     * Deletes the catalog row if nothing uses the blob and nobody stored it since {@code touchedBefore};
     * holds older than that belong to uploads that died and are ignored.
     */
    boolean deleteIfUnusedSince(String digest, Instant touchedBefore, Instant now) {
        return jdbc.sql("delete from artifact a where a.digest = ? and a.touched_at < ? and " + UNUSED)
                .params(digest, ts(touchedBefore), ts(now)).update() == 1;
    }

    void deleteChunks(String digest) {
        jdbc.sql("delete from artifact_chunk where digest = ?").param(digest).update();
    }

    /** Candidates for collection: unused blobs nobody stored since {@code touchedBefore}. */
    List<String> unusedSince(Instant touchedBefore, Instant now, int limit) {
        return jdbc.sql("select a.digest from artifact a where a.touched_at < ? and " + UNUSED
                        + " order by a.touched_at limit ?")
                .params(ts(touchedBefore), ts(now), limit).query(String.class).list();
    }

    /** True when a revision, a build or a live upload URL names the blob. */
    boolean used(String digest, Instant now) {
        return jdbc.sql("""
                select (select count(*) from asset_revision where bundle_digest = ?)
                     + (select count(*) from build where artifact_digest = ?)
                     + (select count(*) from bundle_upload where blob_digest = ? and expires_at > ?)""")
                .params(digest, digest, digest, ts(now)).query(Long.class).single() > 0;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
