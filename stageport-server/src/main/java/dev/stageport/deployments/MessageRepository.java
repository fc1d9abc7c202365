package dev.stageport.deployments;

import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** operation_message rows. Only the worker holding an operation writes its messages, so seq cannot race. */
@Repository
public class MessageRepository {

    private final JdbcClient jdbc;

    public MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String opKey, Instant at, String type, Severity severity, String message, String stepId,
                    String assetKey) {
        jdbc.sql("""
                insert into operation_message (op_key, seq, created_at, msg_type, severity, message, step_id, asset_key)
                values (?, (select coalesce(max(seq), 0) + 1 from operation_message where op_key = ?), ?, ?, ?, ?, ?, ?)""")
                .params(opKey, opKey, Timestamp.from(at), type, severity.name(), truncate(message), stepId, assetKey)
                .update();
    }

    /** Oldest first; {@code limit + 1} rows are read by callers that need to know whether more follow. */
    public List<MessageDetailsV1TaskProgressMessage> list(String opKey, int limit, int offset) {
        return jdbc.sql("""
                select created_at, msg_type, severity, message, step_id, asset_key from operation_message
                where op_key = ? order by seq limit ? offset ?""")
                .params(opKey, limit, offset)
                .query((rs, n) -> new MessageDetailsV1TaskProgressMessage(rs.getTimestamp("created_at").toInstant(),
                        rs.getString("msg_type"), Severity.valueOf(rs.getString("severity")), rs.getString("message"),
                        new MessageDetailsV1(rs.getString("step_id"), rs.getString("asset_key"))))
                .list();
    }

    /** A message and its position, for event streams that resume after the last one a client saw. */
    public record Numbered(int seq, MessageDetailsV1TaskProgressMessage message) {
    }

    /** Messages after {@code seq}, oldest first. */
    public List<Numbered> after(String opKey, int seq) {
        return jdbc.sql("""
                select seq, created_at, msg_type, severity, message, step_id, asset_key from operation_message
                where op_key = ? and seq > ? order by seq""")
                .params(opKey, seq)
                .query((rs, n) -> new Numbered(rs.getInt("seq"), new MessageDetailsV1TaskProgressMessage(
                        rs.getTimestamp("created_at").toInstant(), rs.getString("msg_type"),
                        Severity.valueOf(rs.getString("severity")), rs.getString("message"),
                        new MessageDetailsV1(rs.getString("step_id"), rs.getString("asset_key")))))
                .list();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
