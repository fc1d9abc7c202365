package dev.stageport.publish;

import dev.stageport.deployments.MessageDetailsV1;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.deployments.OperationQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.stageport.work.Lease;
import dev.stageport.work.WorkMessage;
import dev.stageport.work.WorkMessages;
import dev.stageport.work.WorkQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** publish_operation, and its messages in the engine's one store. Every phase change is a conditional UPDATE on phase and version. */
@Repository
public class PublishRepository {

    private static final String COLUMNS = """
            op_key, asset_key, asset_name, revision, env_key, portfolio_key, phase, build_key, deployment_key,
            started_at, finished_at, deployed_by, version""";

    static final String KIND = "publish";

    private final JdbcClient jdbc;
    private final WorkQueue work;
    private final WorkMessages messages;

    public PublishRepository(JdbcClient jdbc, WorkQueue work, WorkMessages messages) {
        this.jdbc = jdbc;
        this.work = work;
        this.messages = messages;
    }

    /** Inserts the publish and its work item; call it in a transaction. */
    public void insert(PublishOperation op) {
        jdbc.sql("insert into publish_operation (" + COLUMNS + ", status, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(op.key(), op.assetKey(), op.assetName(), op.revision(), op.environmentKey(),
                        op.portfolioKey(), op.phase().name(), op.buildKey(), op.deploymentKey(), ts(op.startedAt()),
                        ts(op.finishedAt()), op.deployedBy(), op.version(), op.status().name(), ts(op.startedAt()))
                .update();
        if (!op.status().terminal()) {
            work.enqueue(op.key(), KIND, op.startedAt(), null);
        }
    }

    public Optional<PublishOperation> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from publish_operation where op_key = ?").param(key)
                .query(PublishRepository::map).optional();
    }

    /** One page plus one row, so the caller knows whether a next page exists. */
    public List<PublishOperation> list(OperationQuery q) {
        List<Object> params = new ArrayList<>();
        String where = q.where(params);
        params.add(q.paging().limit() + 1);
        params.add(q.paging().offset());
        return jdbc.sql("select " + COLUMNS + " from publish_operation" + where + " order by " + q.sort().orderBy()
                        + " limit ? offset ?")
                .params(params).query(PublishRepository::map).list();
    }

    /** Moves the phase if nobody else did first; false when the row changed meanwhile. */
    public boolean advance(PublishOperation op, PublishOperation.Phase to, String deploymentKey, Instant now) {
        PublishOperation.TRANSITIONS.check(op.key(), op.phase(), to);
        boolean terminal = PublishOperation.status(to) != dev.stageport.deployments.OperationStatus.Running;
        return jdbc.sql("""
                update publish_operation set phase = ?, status = ?, deployment_key = coalesce(?, deployment_key),
                    finished_at = ?, updated_at = ?, version = version + 1
                where op_key = ? and phase = ? and version = ?""")
                .params(to.name(), PublishOperation.status(to).name(), deploymentKey, terminal ? ts(now) : null,
                        ts(now), op.key(), op.phase().name(), op.version())
                .update() == 1;
    }

    /** A message the request that records the publish writes. */
    public void addMessage(String key, Instant at, Severity severity, String type, String text, String stepId,
                           String assetKey) {
        messages.record(key, WorkMessage.of(at, type, severity.name(), text, stepId, assetKey, null));
    }

    /** A worker's message; written only while it holds the publish's claim. */
    void addMessage(Lease lease, Instant at, Severity severity, String type, String text, String stepId,
                    String assetKey) {
        messages.add(lease, WorkMessage.of(at, type, severity.name(), text, stepId, assetKey, null));
    }

    public List<MessageDetailsV1TaskProgressMessage> messages(String key) {
        return messages.all(key).stream().map(m -> new MessageDetailsV1TaskProgressMessage(m.createdAt(), m.type(),
                Severity.valueOf(m.severity()), m.message(), new MessageDetailsV1(m.stepId(), m.assetKey())))
                .toList();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static PublishOperation map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new PublishOperation(rs.getString("op_key"), rs.getString("asset_key"), rs.getString("asset_name"),
                rs.getInt("revision"), rs.getString("env_key"), rs.getString("portfolio_key"),
                PublishOperation.Phase.valueOf(rs.getString("phase")), rs.getString("build_key"),
                rs.getString("deployment_key"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("deployed_by"), rs.getLong("version"));
    }
}
