package dev.stageport.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IdempotencyRepository {

    /** A remembered request; {@code status} is null while it is still running. */
    public record Record(String requestHash, Integer status, String contentType, String body, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Record> find(String clientId, String key) {
        return jdbc.sql("""
                select request_hash, response_status, content_type, response_body, expires_at
                from idempotency_record where client_id = ? and idem_key = ?""")
                .params(clientId, key)
                .query((rs, n) -> new Record(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Claims the key for a first request; false when another request holds it. */
    public boolean start(String clientId, String key, String hash, Instant now, Instant expiresAt) {
        try {
            jdbc.sql("""
                    insert into idempotency_record (client_id, idem_key, request_hash, created_at, expires_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(clientId, key, hash, Timestamp.from(now), Timestamp.from(expiresAt))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public void complete(String clientId, String key, int status, String contentType, String body) {
        jdbc.sql("""
                update idempotency_record set response_status = ?, content_type = ?, response_body = ?
                where client_id = ? and idem_key = ?""")
                .params(status, contentType, body, clientId, key)
                .update();
    }

    public void release(String clientId, String key) {
        jdbc.sql("delete from idempotency_record where client_id = ? and idem_key = ?").params(clientId, key).update();
    }

    /** Deletes the record only if it expired by {@code now}; a fresh claim of the same key stays. */
    public void forgetIfExpired(String clientId, String key, Instant now) {
        jdbc.sql("delete from idempotency_record where client_id = ? and idem_key = ? and expires_at <= ?")
                .params(clientId, key, Timestamp.from(now)).update();
    }

    public int forgetExpired(Instant now) {
        return jdbc.sql("delete from idempotency_record where expires_at < ?").param(Timestamp.from(now)).update();
    }
}
