package dev.stageport.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * work_message: the one message store of every operation kind. A worker's write is
 * conditional on still holding the claim (in the same statement), so a worker whose
 * lease expired and was taken over writes nothing. A step's messages may wait for the
 * step boundary and go in one JDBC batch with it ({@link #addAtStepEnd}).
 */
@Repository
public class WorkMessages {

    private static final int MAX_TEXT = 4000;

    /** Conditional on the claim, in the same statement: a worker that lost it writes nothing. */
    private static final String WORKER_INSERT = """
            insert into work_message (op_key, created_at, msg_type, severity, message, step_id, asset_key, error_code)
            select ?, ?, ?, ?, ?, ?, ?, ? from work_item
            where op_key = ? and claimed_by = ? and state = 'Running' and lease_expires_at >= ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public WorkMessages(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A worker's message, after any it left for the end of its step; throws {@link LeaseLost} without the claim. */
    public void add(Lease lease, WorkMessage m) {
        lease.ensureHeld();
        List<WorkMessage> all = lease.takeUnwrittenMessages();
        all.add(m);
        write(lease, all);
        lease.takeUnwrittenWrites().forEach(Runnable::run);
    }

    /**
     * A worker's message inside a step is written with the next write the step boundary makes
     * anyway (the next step's start, the end, a snooze), or before the step waits, in one batch;
     * outside a step it is written at once. Listeners hear of it once it is written.
     */
    public void addAtStepEnd(Lease lease, WorkMessage m) {
        lease.ensureHeld();
        if (lease.inStep()) {
            lease.keepUnwritten(m);
        } else {
            add(lease, m);
        }
    }

    /** Writes the messages and other writes a step left (in the caller's transaction, if there is one). */
    void flush(Lease lease) {
        List<WorkMessage> all = lease.takeUnwrittenMessages();
        if (!all.isEmpty()) {
            write(lease, all);
        }
        lease.takeUnwrittenWrites().forEach(Runnable::run);
    }

    /** Called with the operation's key after its messages were written (in the writer's transaction). */
    public void onWritten(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void write(Lease lease, List<WorkMessage> all) {
        lease.ensureHeld();
        List<Object[]> rows = all.stream().map(m -> new Object[] {lease.key(), WorkQueue.ts(m.createdAt()), m.type(),
                m.severity(), truncate(m.message()), m.stepId(), m.assetKey(), m.errorCode(), lease.key(),
                lease.workerId(), WorkQueue.ts(m.createdAt())}).toList();
        int[] written = rows.size() == 1 ? new int[] {batch.update(WORKER_INSERT, rows.get(0))}
                : batch.batchUpdate(WORKER_INSERT, rows);
        for (int count : written) {
            if (count != 1) {
                lease.lose();
                throw new LeaseLost(lease.key());
            }
        }
        listeners.forEach(listener -> listener.accept(lease.key()));
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
