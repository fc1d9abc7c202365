package dev.stageport.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * work_message: the one message store of every operation kind. A worker's write is
 * conditional on still holding the claim (in the same statement), so a worker whose
 * lease expired and was taken over writes nothing.
 */
@Repository
public class WorkMessages {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;

    public WorkMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A worker's message; throws {@link LeaseLost} when it no longer holds the operation. */
    public void add(Lease lease, WorkMessage m) {
        lease.ensureHeld();
        int written = jdbc.sql("""
                insert into work_message (op_key, created_at, msg_type, severity, message, step_id, asset_key, error_code)
                select ?, ?, ?, ?, ?, ?, ?, ? from work_item
                where op_key = ? and claimed_by = ? and state = 'Running' and lease_expires_at >= ?""")
                .params(lease.key(), WorkQueue.ts(m.createdAt()), m.type(), m.severity(), truncate(m.message()),
                        m.stepId(), m.assetKey(), m.errorCode(), lease.key(), lease.workerId(),
                        WorkQueue.ts(m.createdAt()))
                .update();
        if (written != 1) {
            lease.lose();
            throw new LeaseLost(lease.key());
        }
    }

    /** A message written outside a worker, by the request that records the operation. */
    public void record(String key, WorkMessage m) {
        jdbc.sql("""
                insert into work_message (op_key, created_at, msg_type, severity, message, step_id, asset_key, error_code)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, WorkQueue.ts(m.createdAt()), m.type(), m.severity(), truncate(m.message()), m.stepId(),
                        m.assetKey(), m.errorCode())
                .update();
    }

    /** Oldest first. */
    public List<WorkMessage> list(String key, int limit, int offset) {
        return jdbc.sql("select * from work_message where op_key = ? order by id limit ? offset ?")
                .params(key, limit, offset).query(WorkMessages::map).list();
    }

    public List<WorkMessage> all(String key) {
        return list(key, Integer.MAX_VALUE, 0);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_TEXT ? message : message.substring(0, MAX_TEXT - 3) + "...";
    }

    private static WorkMessage map(ResultSet rs, int row) throws SQLException {
        return new WorkMessage(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("msg_type"),
                rs.getString("severity"), rs.getString("message"), rs.getString("step_id"), rs.getString("asset_key"),
                rs.getString("error_code"));
    }
}
