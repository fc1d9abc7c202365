package dev.stageport.web;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Request counts per bucket and minute, in the database so every replica sees the same counts. */
@Repository
public class RateLimitRepository {

    private final JdbcClient jdbc;

    public RateLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure each bucket has a row for the window; a concurrent insert by another request is fine. */
    public void ensureWindows(List<RateLimitRules.Bucket> buckets, long window) {
        for (RateLimitRules.Bucket bucket : buckets) {
            boolean exists = jdbc.sql("select count(*) from rate_limit_window where bucket = ? and window_start = ?")
                    .params(bucket.name(), window).query(Long.class).single() > 0;
            if (!exists) {
                try {
                    jdbc.sql("insert into rate_limit_window (bucket, window_start, hits) values (?, ?, 0)")
                            .params(bucket.name(), window).update();
                } catch (DuplicateKeyException raced) {
                    // another request created it first
                }
            }
        }
    }

    /**
     * Counts one request against every bucket, or against none: the conditional
     * UPDATE only succeeds while a bucket is under its limit, and one full bucket
     * rolls back the others.
     *
     * @return the first bucket that was full, or null when the request may go on
     */
    @Transactional
    public RateLimitRules.Bucket acquire(List<RateLimitRules.Bucket> buckets, long window) {
        for (RateLimitRules.Bucket bucket : buckets) {
            int updated = jdbc.sql("""
                    update rate_limit_window set hits = hits + 1
                    where bucket = ? and window_start = ? and hits < ?""")
                    .params(bucket.name(), window, bucket.limit()).update();
            if (updated == 0) {
                org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                        .setRollbackOnly();
                return bucket;
            }
        }
        return null;
    }

    public int forgetBefore(long window) {
        return jdbc.sql("delete from rate_limit_window where window_start < ?").param(window).update();
    }
}
