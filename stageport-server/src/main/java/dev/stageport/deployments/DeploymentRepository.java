package dev.stageport.deployments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.stageport.work.WorkQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * deployment_operation is the record users read; the engine's queue is work_item,
 * written in the same transaction. The terminal write is conditional on the status,
 * and the worker makes it together with ending its (claim-conditional) work item.
 */
@Repository
public class DeploymentRepository {

    private static final String COLUMNS = """
            op_key, operation, asset_key, asset_name, revision, build_key, env_key, portfolio_key, status,
            started_at, finished_at, updated_at, deployed_by, current_step, applied_config, claimed_by,
            lease_expires_at, attempts, version""";

    private final JdbcClient jdbc;
    private final WorkQueue work;

    public DeploymentRepository(JdbcClient jdbc, WorkQueue work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    /**
     * Inserts a Running operation and its work item (call it in a transaction); the
     * unique index on active_target refuses a second active one. An operation given as
     * claimed (a crashed server's leftover in tests) enters the queue as it was left.
     */
    public void insert(DeploymentOperation op, Instant deadlineAt) {
        insertRecord(op);
        if (op.status().terminal()) {
            return;
        }
        if (op.claimedBy() == null) {
            work.enqueue(op.key(), OperationRunner.KIND, op.startedAt(), deadlineAt, op.environmentKey());
        } else {
            work.enqueueClaimed(op.key(), OperationRunner.KIND, op.startedAt(), op.claimedBy(), op.leaseExpiresAt(),
                    op.currentStep(), null);
        }
    }

    public void insert(DeploymentOperation op) {
        insert(op, null);
    }

    private void insertRecord(DeploymentOperation op) {
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

    /** How many operations wait for a worker and since when, from the engine's queue. */
    public record Queue(long depth, Instant oldestStartedAt) {
    }

    /** One aggregate row; the metrics cache it between scrapes. */
    public Queue queue(Instant now) {
        WorkQueue.Depth depth = work.depth(OperationRunner.KIND, now);
        return new Queue(depth.depth(), depth.oldest());
    }

    /** The one status write: from an expected status to a terminal one, releasing the active slot. */
    public boolean finish(String opKey, OperationStatus from, OperationStatus to, Instant now, String appliedConfig) {
        return jdbc.sql("""
                update deployment_operation
                set status = ?, finished_at = ?, updated_at = ?, active_target = null, lease_expires_at = null,
                    applied_config = coalesce(?, applied_config), version = version + 1
                where op_key = ? and status = ?""")
                .params(to.name(), ts(now), ts(now), appliedConfig, opKey, from.name())
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
