package dev.stageport.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * work_item: the one lease queue of every operation kind. The only claim, heartbeat,
 * step and end SQL of the engine; every write by a worker is conditional on its
 * claim (claimed_by and version), so a worker that lost its lease changes nothing.
 */
@Repository
public class WorkQueue {

    private static final String COLUMNS = """
            op_key, kind, state, current_step, last_completed_step, claimed_by, lease_expires_at, attempts, version,
            not_before, cancel_requested_by, cancel_reason, deadline_at, created_at, placement""";

    private final JdbcClient jdbc;
    private final WorkMessages messages;

    public WorkQueue(JdbcClient jdbc, WorkMessages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Records new work, in the caller's transaction together with the feature's own record. */
    public void enqueue(String key, String kind, Instant now, Instant deadlineAt) {
        enqueue(key, kind, now, deadlineAt, null);
    }

    /** @param placement where the work must run (see {@link Placement}); null when any replica may run it */
    public void enqueue(String key, String kind, Instant now, Instant deadlineAt, String placement) {
        jdbc.sql("insert into work_item (op_key, kind, state, attempts, version, not_before, deadline_at, created_at,"
                        + " placement) values (?, ?, 'Running', 0, 0, ?, ?, ?, ?)")
                .params(key, kind, ts(now), ts(deadlineAt), ts(now), placement).update();
    }

    /** Puts a crashed worker's leftover into the queue as it left it (tests and migrations of old rows). */
    public void enqueueClaimed(String key, String kind, Instant now, String claimedBy, Instant leaseUntil,
                               String currentStep, String lastCompletedStep) {
        jdbc.sql("insert into work_item (op_key, kind, state, current_step, last_completed_step, claimed_by,"
                        + " lease_expires_at, attempts, version, not_before, created_at)"
                        + " values (?, ?, 'Running', ?, ?, ?, ?, 1, 1, ?, ?)")
                .params(key, kind, currentStep, lastCompletedStep, claimedBy, ts(leaseUntil), ts(now), ts(now))
                .update();
    }

    public Optional<WorkItem> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from work_item where op_key = ?").param(key)
                .query(WorkQueue::map).optional();
    }

    /**
     * Work of the given kinds that is due and that nobody holds (new, snoozed) or whose
     * holder stopped renewing its lease (crashed): the sweeper's query. Least recently
     * due first, so snoozed work goes to the back and nothing starves.
     */
    public List<WorkItem> candidates(List<String> kinds, Instant now, int max) {
        return candidates(kinds, now, max, java.util.Set.of());
    }

    /**
     * The same without work placed on {@code elsewhere} (placements other replicas run), in the
     * query itself: a queue of their work must never hide this replica's.
     */
    public List<WorkItem> candidates(List<String> kinds, Instant now, int max, java.util.Set<String> elsewhere) {
        String notElsewhere = elsewhere.isEmpty() ? "" : " and (placement is null or placement not in (:elsewhere))";
        var sql = jdbc.sql("select " + COLUMNS + " from work_item where state = 'Running' and kind in (:kinds)"
                        + " and not_before <= :now and (claimed_by is null or lease_expires_at < :now)" + notElsewhere
                        + " order by not_before, op_key limit :max")
                .param("kinds", kinds).param("now", ts(now)).param("max", max);
        return (elsewhere.isEmpty() ? sql : sql.param("elsewhere", List.copyOf(elsewhere))).query(WorkQueue::map)
                .list();
    }

    /** How much work of a kind waits for a worker (same condition as candidates), and since when. */
    public record Depth(long depth, Instant oldest) {
    }

    public Depth depth(String kind, Instant now) {
        return jdbc.sql("select count(*) as depth, min(created_at) as oldest from work_item"
                        + " where state = 'Running' and kind = ? and (claimed_by is null or lease_expires_at < ?)")
                .params(kind, ts(now))
                .query((rs, n) -> new Depth(rs.getLong("depth"), instant(rs.getTimestamp("oldest")))).single();
    }

    /** One conditional UPDATE: takes the item if it is still as the candidate query saw it. */
    public boolean claim(WorkItem item, String workerId, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update work_item set claimed_by = ?, lease_expires_at = ?, attempts = attempts + 1, version = version + 1
                where op_key = ? and version = ? and state = 'Running' and not_before <= ?
                  and (claimed_by is null or lease_expires_at < ?)""")
                .params(workerId, ts(leaseUntil), item.key(), item.version(), ts(now), ts(now))
                .update() == 1;
    }

    /** Renews a lease; false once another worker took over or the item ended. */
    public boolean heartbeat(Lease lease, Instant leaseUntil) {
        return jdbc.sql("update work_item set lease_expires_at = ? where op_key = ? and claimed_by = ?"
                        + " and state = 'Running'")
                .params(ts(leaseUntil), lease.key(), lease.workerId()).update() == 1;
    }

    /** Records that a step started (current_step); throws when the claim is gone. */
    public void startStep(Lease lease, String step) {
        if (!tryStartStep(lease, step)) {
            lease.lose();
            throw new LeaseLost(lease.key());
        }
    }

    /**
     * Records that a step started, and the completion of the step before it that was not
     * written yet, in one UPDATE that also checks that nobody asked to cancel. False, having
     * written nothing, when a cancel was requested or the claim is gone: the caller tells which.
     */
    boolean tryStartStep(Lease lease, String step) {
        int updated = jdbc.sql("update work_item set current_step = ?,"
                        + " last_completed_step = coalesce(?, last_completed_step), version = version + 1"
                        + " where op_key = ? and version = ? and claimed_by = ? and state = 'Running'"
                        + " and cancel_requested_by is null")
                .params(step, lease.unwrittenCompletion(), lease.key(), lease.version(), lease.workerId()).update();
        if (updated == 1) {
            lease.advanced();
            lease.completionWritten();
        }
        return updated == 1;
    }

    /** Records that a step completed (last_completed_step): a resumed run starts after it. */
    public void completeStep(Lease lease, String step) {
        write(lease, jdbc.sql("update work_item set last_completed_step = ?, version = version + 1"
                        + " where op_key = ? and version = ? and claimed_by = ? and state = 'Running'")
                .params(step, lease.key(), lease.version(), lease.workerId()).update());
        lease.completionWritten();
    }

    /** Writes the messages the lease's last step left, if any. */
    void flushMessages(Lease lease) {
        messages.flush(lease);
    }

    /** Hands the item back until {@code until} (a wait step polls again later); any worker may take it then. */
    public void snooze(Lease lease, Instant until) {
        messages.flush(lease);
        write(lease, jdbc.sql("update work_item set claimed_by = null, lease_expires_at = null, not_before = ?,"
                        + " last_completed_step = coalesce(?, last_completed_step),"
                        + " version = version + 1 where op_key = ? and version = ? and claimed_by = ?"
                        + " and state = 'Running'")
                .params(ts(until), lease.unwrittenCompletion(), lease.key(), lease.version(), lease.workerId())
                .update());
        lease.completionWritten();
    }

    /**
     * Makes a snoozed item due now: what it waits for has happened (the delivery before it in
     * its chain is done), in the transaction of that happening. Claimed and ended items are left alone.
     */
    public void wake(String key, Instant now) {
        jdbc.sql("update work_item set not_before = ? where op_key = ? and state = 'Running' and claimed_by is null"
                        + " and not_before > ?")
                .params(ts(now), key, ts(now)).update();
    }

    /** The end of the operation, in the same transaction as the feature's terminal status write. */
    public void end(Lease lease) {
        messages.flush(lease);
        write(lease, jdbc.sql("update work_item set state = 'Ended', lease_expires_at = null, version = version + 1"
                        + " where op_key = ? and version = ? and claimed_by = ? and state = 'Running'")
                .params(lease.key(), lease.version(), lease.workerId()).update());
        lease.ended(true);
    }

    /** Asks a running operation to stop; false when it already ended (or never existed). */
    public boolean requestCancel(String key, String by, String reason) {
        return jdbc.sql("update work_item set cancel_requested_by = coalesce(cancel_requested_by, ?),"
                        + " cancel_reason = coalesce(cancel_reason, ?), not_before = least(not_before, created_at)"
                        + " where op_key = ? and state = 'Running'")
                .params(by, reason, key).update() == 1;
    }

    /** Makes a snoozed item due now (a waiting step's condition changed); false when it already ended. */
    public boolean wake(String key) {
        return jdbc.sql("update work_item set not_before = least(not_before, created_at)"
                        + " where op_key = ? and state = 'Running'")
                .param(key).update() == 1;
    }

    /** A cancel request on every operation still running; the number of items it reached. */
    public int requestCancelAll(String by, String reason) {
        return jdbc.sql("update work_item set cancel_requested_by = coalesce(cancel_requested_by, ?),"
                        + " cancel_reason = coalesce(cancel_reason, ?) where state = 'Running'")
                .params(by, reason).update();
    }

    private static void write(Lease lease, int updated) {
        if (updated != 1) {
            lease.lose();
            throw new LeaseLost(lease.key());
        }
        lease.advanced();
    }

    /** Whole milliseconds, so a stored time is never rounded past the same instant given as a parameter. */
    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static WorkItem map(ResultSet rs, int row) throws SQLException {
        return new WorkItem(rs.getString("op_key"), rs.getString("kind"), rs.getString("state"),
                rs.getString("current_step"), rs.getString("last_completed_step"), rs.getString("claimed_by"),
                instant(rs.getTimestamp("lease_expires_at")), rs.getInt("attempts"), rs.getLong("version"),
                instant(rs.getTimestamp("not_before")), rs.getString("cancel_requested_by"),
                rs.getString("cancel_reason"), instant(rs.getTimestamp("deadline_at")),
                instant(rs.getTimestamp("created_at")), rs.getString("placement"));
    }
}
