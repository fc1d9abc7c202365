package dev.stageport.deployments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * deployment_operation is both the record users read and the engine's durable
 * queue. Every write by a worker is conditional (status, version, claimed_by) and
 * reports whether it won, so two workers can never both act on one operation.
 */
@Repository
public class DeploymentRepository {

    private static final String COLUMNS = """
            op_key, operation, asset_key, asset_name, revision, build_key, env_key, portfolio_key, status,
            started_at, finished_at, updated_at, deployed_by, current_step, applied_config, claimed_by,
            lease_expires_at, attempts, version""";

    private final JdbcClient jdbc;

    public DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a Running operation; the unique index on active_target refuses a second active one. */
    public void insert(DeploymentOperation op) {
        jdbc.sql("insert into deployment_operation (" + COLUMNS + ", active_target) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(op.key(), op.operation().name(), op.assetKey(), op.assetName(), op.revision(), op.buildKey(),
                        op.environmentKey(), op.portfolioKey(), op.status().name(), ts(op.startedAt()),
                        ts(op.finishedAt()), ts(op.updatedAt()), op.deployedBy(), op.currentStep(),
                        op.appliedConfig(), op.claimedBy(), ts(op.leaseExpiresAt()), op.attempts(), op.version(),
                        op.status().terminal() ? null : DeploymentOperation.activeTarget(op.environmentKey(),
                                op.assetKey()))
                .update();
    }

    public Optional<DeploymentOperation> find(String opKey) {
        return jdbc.sql("select " + COLUMNS + " from deployment_operation where op_key = ?").param(opKey)
                .query(DeploymentRepository::map).optional();
    }

    /** The key of the operation running for this asset in this stage, if any. */
    public Optional<String> activeFor(String environmentKey, String assetKey) {
        return jdbc.sql("select op_key from deployment_operation where active_target = ?")
                .param(DeploymentOperation.activeTarget(environmentKey, assetKey))
                .query(String.class).optional();
    }

    /** One page plus one row, so the caller knows whether a next page exists. */
    public List<DeploymentOperation> list(OperationQuery q) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(listSql(q, params)).params(params).query(DeploymentRepository::map).list();
    }

    /** The list's SQL, adding its parameters to {@code params}; the plan test explains the same text. */
    static String listSql(OperationQuery q, List<Object> params) {
        String where = q.where(params);
        params.add(q.paging().limit() + 1);
        params.add(q.paging().offset());
        return "select " + COLUMNS + " from deployment_operation" + where + " order by " + q.orderBy()
                + " limit ? offset ?";
    }

    /** Running operations nobody holds (new) or whose holder stopped renewing its lease (crashed). */
    public List<DeploymentOperation> candidates(Instant now, int max) {
        return jdbc.sql("select " + COLUMNS + " from deployment_operation"
                        + " where status = 'Running' and (claimed_by is null or lease_expires_at < ?)"
                        + " order by started_at, op_key limit ?")
                .params(ts(now), max).query(DeploymentRepository::map).list();
    }

    /**
     * Like {@link #candidates(Instant, int)} without the operations of {@code skippedStages}
     * (process stages another replica runs), so a queue of those can never hide this replica's work.
     */
    public List<DeploymentOperation> candidates(Instant now, int max, java.util.Collection<String> skippedStages) {
        if (skippedStages.isEmpty()) {
            return candidates(now, max);
        }
        List<Object> params = new ArrayList<>();
        params.add(ts(now));
        params.addAll(skippedStages);
        params.add(max);
        return jdbc.sql("select " + COLUMNS + " from deployment_operation"
                        + " where status = 'Running' and (claimed_by is null or lease_expires_at < ?)"
                        + " and env_key not in (" + String.join(", ", java.util.Collections.nCopies(
                        skippedStages.size(), "?")) + ") order by started_at, op_key limit ?")
                .params(params).query(DeploymentRepository::map).list();
    }

    /** How many operations wait for a worker (same condition as {@link #candidates}) and since when. */
    public record Queue(long depth, Instant oldestStartedAt) {
    }

    /** One aggregate row over the status index (few rows are Running); the metrics cache it between scrapes. */
    public Queue queue(Instant now) {
        return jdbc.sql("select count(*) as depth, min(started_at) as oldest from deployment_operation"
                        + " where status = 'Running' and (claimed_by is null or lease_expires_at < ?)")
                .param(ts(now))
                .query((rs, row) -> new Queue(rs.getLong("depth"), instant(rs.getTimestamp("oldest"))))
                .single();
    }

    /**
     * Takes the operation if it is still as the candidate query saw it. The lease
     * condition is repeated because heartbeats renew a lease without a new version.
     */
    public boolean claim(String opKey, long expectedVersion, String workerId, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update deployment_operation
                set claimed_by = ?, lease_expires_at = ?, attempts = attempts + 1, version = version + 1, updated_at = ?
                where op_key = ? and version = ? and status = 'Running'
                  and (claimed_by is null or lease_expires_at < ?)""")
                .params(workerId, ts(leaseUntil), ts(now), opKey, expectedVersion, ts(now))
                .update() == 1;
    }

    /** Keeps a claim alive while a long step runs; fails once another worker took over. */
    public boolean heartbeat(String opKey, String workerId, Instant leaseUntil) {
        return jdbc.sql("""
                update deployment_operation set lease_expires_at = ?
                where op_key = ? and claimed_by = ? and status = 'Running'""")
                .params(ts(leaseUntil), opKey, workerId).update() == 1;
    }

    public boolean markStep(String opKey, long expectedVersion, String workerId, String step, Instant now) {
        return jdbc.sql("""
                update deployment_operation set current_step = ?, updated_at = ?, version = version + 1
                where op_key = ? and status = 'Running' and version = ? and claimed_by = ?""")
                .params(step, ts(now), opKey, expectedVersion, workerId).update() == 1;
    }

    /** The one status write: from an expected status to a terminal one, releasing the active slot. */
    public boolean finish(String opKey, OperationStatus from, OperationStatus to, long expectedVersion,
                          String workerId, Instant now, String appliedConfig) {
        return jdbc.sql("""
                update deployment_operation
                set status = ?, finished_at = ?, updated_at = ?, active_target = null, lease_expires_at = null,
                    applied_config = coalesce(?, applied_config), version = version + 1
                where op_key = ? and status = ? and version = ? and claimed_by = ?""")
                .params(to.name(), ts(now), ts(now), appliedConfig, opKey, from.name(), expectedVersion, workerId)
                .update() == 1;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static DeploymentOperation map(ResultSet rs, int row) throws SQLException {
        int revision = rs.getInt("revision");
        Integer rev = rs.wasNull() ? null : revision;
        return new DeploymentOperation(rs.getString("op_key"),
                DeploymentOperationsType.valueOf(rs.getString("operation")), rs.getString("asset_key"),
                rs.getString("asset_name"), rev, rs.getString("build_key"), rs.getString("env_key"),
                rs.getString("portfolio_key"), OperationStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("updated_at")), rs.getString("deployed_by"), rs.getString("current_step"),
                rs.getString("applied_config"), rs.getString("claimed_by"),
                instant(rs.getTimestamp("lease_expires_at")), rs.getInt("attempts"), rs.getLong("version"));
    }
}
