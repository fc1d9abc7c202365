package dev.stageport.audit;

import dev.stageport.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditEvent e) {
        jdbc.sql("""
                insert into audit_event (occurred_at, client_id, remote_address, http_method, path,
                                         environment_key, asset_key, status, trace_id, duration_millis, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(e.occurredAt()), e.clientId(), e.remoteAddress(), e.method(), e.path(),
                        e.environmentKey(), e.assetKey(), e.status(), e.traceId(), e.durationMillis(), e.reason())
                .update();
    }

    /** Newest first; one row more than the page so the caller knows whether another page follows. */
    public List<AuditEvent> find(AuditQuery q, Paging paging) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, client_id, remote_address, http_method, path, environment_key, asset_key,
                       status, trace_id, duration_millis, reason
                from audit_event where 1 = 1""");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " and client_id = ?", q.clientId());
        condition(sql, params, " and environment_key = ?", q.environmentKey());
        condition(sql, params, " and asset_key = ?", q.assetKey());
        condition(sql, params, " and http_method = ?", q.method());
        condition(sql, params, " and status >= ?", q.statusFrom());
        condition(sql, params, " and status <= ?", q.statusTo());
        condition(sql, params, " and occurred_at >= ?", q.since() == null ? null : Timestamp.from(q.since()));
        condition(sql, params, " and occurred_at <= ?", q.until() == null ? null : Timestamp.from(q.until()));
        sql.append(" order by occurred_at desc, id desc limit ? offset ?");
        params.add(paging.limit() + 1);
        params.add(paging.offset());
        return jdbc.sql(sql.toString()).params(params).query(AuditRepository::row).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static AuditEvent row(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("client_id"),
                rs.getString("remote_address"), rs.getString("http_method"), rs.getString("path"),
                rs.getString("environment_key"), rs.getString("asset_key"), rs.getInt("status"),
                rs.getString("trace_id"), rs.getLong("duration_millis"), rs.getString("reason"));
    }
}
