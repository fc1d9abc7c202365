package dev.stageport.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** approval and approval_decision. Status moves only out of Pending, by conditional updates. */
@Repository
public class ApprovalRepository {

    private static final String COLUMNS = "approval_key, op_key, env_key, asset_key, revision, requested_by,"
            + " required_approvals, approvers, status, requested_at, expires_at, decided_at";

    private final JdbcClient jdbc;

    public ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Approval a) {
        jdbc.sql("insert into approval (" + COLUMNS + ", announced) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)")
                .params(a.key(), a.operationKey(), a.environmentKey(), a.assetKey(), a.revision(), a.requestedBy(),
                        a.requiredApprovals(), StagePolicyRepository.lines(a.approvers()), a.status().name(),
                        ts(a.requestedAt()), ts(a.expiresAt()), ts(a.decidedAt()))
                .update();
    }

    public Optional<Approval> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from approval where approval_key = ?").param(key)
                .query(this::map).optional();
    }

    public Optional<Approval> forOperation(String opKey) {
        return jdbc.sql("select " + COLUMNS + " from approval where op_key = ?").param(opKey)
                .query(this::map).optional();
    }

    /** Newest first, optionally of one status. */
    public List<Approval> list(ApprovalStatus status) {
        String order = " order by requested_at desc, approval_key";
        if (status == null) {
            return jdbc.sql("select " + COLUMNS + " from approval" + order).query(this::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from approval where status = ?" + order).param(status.name())
                .query(this::map).list();
    }

    /** False when this approver already decided. */
    public boolean addDecision(String key, Approval.Decision d) {
        return jdbc.sql("insert into approval_decision (approval_key, decided_by, decision, comment, decided_at)"
                        + " select ?, ?, ?, ?, ? from approval where approval_key = ? and not exists"
                        + " (select 1 from approval_decision where approval_key = ? and decided_by = ?)")
                .params(key, d.decidedBy(), d.decision(), d.comment(), ts(d.decidedAt()), key, key, d.decidedBy())
                .update() == 1;
    }

    /** The one status write: Pending to a decided status; false when it is no longer Pending. */
    public boolean decide(String key, ApprovalStatus to, Instant at) {
        return jdbc.sql("update approval set status = ?, decided_at = ? where approval_key = ? and status = 'Pending'")
                .params(to.name(), ts(at), key).update() == 1;
    }

    /** True for exactly one caller: the one that announces the wait in the operation's messages. */
    public boolean announce(String key) {
        return jdbc.sql("update approval set announced = true where approval_key = ? and announced = false")
                .param(key).update() == 1;
    }

    private List<Approval.Decision> decisions(String key) {
        return jdbc.sql("select decided_by, decision, comment, decided_at from approval_decision"
                        + " where approval_key = ? order by decided_at, decided_by").param(key)
                .query((rs, n) -> new Approval.Decision(rs.getString("decided_by"), rs.getString("decision"),
                        rs.getString("comment"), rs.getTimestamp("decided_at").toInstant())).list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Approval map(ResultSet rs, int row) throws SQLException {
        int revision = rs.getInt("revision");
        Integer rev = rs.wasNull() ? null : revision;
        String key = rs.getString("approval_key");
        return new Approval(key, rs.getString("op_key"), rs.getString("env_key"), rs.getString("asset_key"), rev,
                rs.getString("requested_by"), rs.getInt("required_approvals"),
                StagePolicyRepository.list(rs.getString("approvers")), ApprovalStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("decided_at")), decisions(key));
    }
}
