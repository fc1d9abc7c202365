package dev.stageport.deployments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** deployment_rollback: which earlier deployment a rollback operation restores, and the queries that find it. */
@Repository
class RollbackRepository {

    /** A rollback operation, the operation it restores and the deployment that ran when it was asked for. */
    record Rollback(String operationKey, String toOperationKey, String replacedOperationKey) {
    }

    private final JdbcClient jdbc;

    RollbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rollback rollback, String requestedBy, Instant at) {
        jdbc.sql("insert into deployment_rollback (op_key, to_op_key, replaced_op_key, requested_by, requested_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(rollback.operationKey(), rollback.toOperationKey(), rollback.replacedOperationKey(),
                        requestedBy, Timestamp.from(at))
                .update();
    }

    Optional<Rollback> find(String operationKey) {
        return jdbc.sql("select op_key, to_op_key, replaced_op_key from deployment_rollback where op_key = ?")
                .param(operationKey)
                .query((rs, n) -> new Rollback(rs.getString("op_key"), rs.getString("to_op_key"),
                        rs.getString("replaced_op_key")))
                .optional();
    }

    /**
     * The last deployment of the asset in the stage that finished, and applied a configuration,
     * before {@code current} did: what ran before the current deployment.
     */
    Optional<String> deploymentBefore(String environmentKey, String assetKey, String current) {
        return jdbc.sql("""
                select op_key from deployment_operation
                where env_key = ? and asset_key = ? and status = 'Finished' and applied_config is not null
                  and operation in ('Deploy', 'ApplyConfigs') and op_key <> ?
                  and finished_at < (select finished_at from deployment_operation where op_key = ?)
                order by finished_at desc, op_key desc
                limit 1""")
                .params(environmentKey, assetKey, current, current)
                .query(String.class).optional();
    }
}
