package dev.stageport.builds;

import java.sql.Timestamp;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The build table as a work queue. Every write by a worker is conditional
 * (status, version, claimed_by) and says whether it won, so two workers (or two
 * replicas) never both run one build.
 */
@Repository
public class BuildQueue {

    private final JdbcClient jdbc;

    public BuildQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A build as a worker sees it: enough to claim it and run it. */
    public record Job(String key, String assetKey, int revision, Build.BuildType type, Build.BuildStatus status,
                      String claimedBy, long version) {
    }

    private static final String JOB_COLUMNS =
            "build_key, asset_key, asset_revision, build_type, status, claimed_by, version";

    /** Pending builds, and Running ones whose worker stopped renewing its lease (its server died). */
    public List<Job> candidates(Instant now, int max) {
        return jdbc.sql("select " + JOB_COLUMNS + " from build"
                        + " where status = 'Pending' or (status = 'Running' and lease_expires_at < ?)"
                        + " order by started_at, build_key limit ?")
                .params(ts(now), max).query(BuildQueue::job).list();
    }

    public Optional<Job> job(String buildKey) {
        return jdbc.sql("select " + JOB_COLUMNS + " from build where build_key = ?").param(buildKey)
                .query(BuildQueue::job).optional();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getString("build_key"), rs.getString("asset_key"), rs.getInt("asset_revision"),
                Build.BuildType.valueOf(rs.getString("build_type")), Build.BuildStatus.valueOf(rs.getString("status")),
                rs.getString("claimed_by"), rs.getLong("version"));
    }

    /** Takes the build if it is still as the candidate query saw it; it is Running from here on. */
    public boolean claim(Job job, String workerId, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update build set status = 'Running', claimed_by = ?, lease_expires_at = ?, attempts = attempts + 1,
                    version = version + 1, current_step = null
                where build_key = ? and version = ?
                  and (status = 'Pending' or (status = 'Running' and lease_expires_at < ?))""")
                .params(workerId, ts(leaseUntil), job.key(), job.version(), ts(now))
                .update() == 1;
    }

    public boolean heartbeat(String buildKey, String workerId, Instant leaseUntil) {
        return jdbc.sql("""
                update build set lease_expires_at = ?
                where build_key = ? and claimed_by = ? and status = 'Running'""")
                .params(ts(leaseUntil), buildKey, workerId).update() == 1;
    }

    public boolean markStep(String buildKey, long expectedVersion, String workerId, String step) {
        return jdbc.sql("""
                update build set current_step = ?, version = version + 1
                where build_key = ? and status = 'Running' and version = ? and claimed_by = ?""")
                .params(step, buildKey, expectedVersion, workerId).update() == 1;
    }

    /**
     * The terminal write. A failed build gives up its active slot, so the revision
     * can be built again; a finished one keeps it and records what it produced.
     */
    public boolean finish(String buildKey, Build.BuildStatus to, long expectedVersion, String workerId,
                          Instant now, String artifactDigest, String runSpec) {
        return jdbc.sql("""
                update build set status = ?, finished_at = ?, lease_expires_at = null, artifact_digest = ?,
                    run_spec = ?, version = version + 1,
                    active_slot = case when ? = 'Finished' then active_slot else null end
                where build_key = ? and status = 'Running' and version = ? and claimed_by = ?""")
                .params(to.name(), ts(now), artifactDigest, runSpec, to.name(), buildKey, expectedVersion, workerId)
                .update() == 1;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
