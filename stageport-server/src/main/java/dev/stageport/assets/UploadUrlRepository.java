package dev.stageport.assets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Upload URLs from POST /uploads, keyed by the SHA-256 of their secret. */
@Repository
class UploadUrlRepository {

    private final JdbcClient jdbc;

    UploadUrlRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Upload(String tokenHash, String createdBy, Instant expiresAt, String blobDigest, Instant usedAt) {
    }

    void insert(String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        jdbc.sql("insert into bundle_upload (token_hash, created_by, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, createdBy, Timestamp.from(now), Timestamp.from(expiresAt)).update();
    }

    Optional<Upload> find(String tokenHash) {
        return jdbc.sql("select token_hash, created_by, expires_at, blob_digest, used_at from bundle_upload"
                        + " where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new Upload(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Records the stored bundle; false when the URL was used already (a second PUT replaces nothing). */
    boolean attach(String tokenHash, String digest) {
        return jdbc.sql("update bundle_upload set blob_digest = ? where token_hash = ? and used_at is null")
                .params(digest, tokenHash).update() == 1;
    }

    /** Marks the upload consumed by POST /assets; false when another request consumed it first. */
    boolean consume(String tokenHash, Instant now) {
        return jdbc.sql("update bundle_upload set used_at = ? where token_hash = ? and used_at is null"
                        + " and blob_digest is not null")
                .params(Timestamp.from(now), tokenHash).update() == 1;
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from bundle_upload where expires_at < ?").param(Timestamp.from(now)).update();
    }
}
