package dev.stageport.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** freeze_window: the freeze windows of every stage. */
@Repository
public class FreezeWindowRepository {

    private static final String COLUMNS = "window_key, env_key, name, start_at, end_at, cron, duration_minutes,"
            + " time_zone, created_at, created_by";

    private final JdbcClient jdbc;

    public FreezeWindowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FreezeWindow w) {
        jdbc.sql("insert into freeze_window (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(w.key(), w.environmentKey(), w.name(), ts(w.start()), ts(w.end()), w.cron(),
                        w.durationMinutes(), w.timeZone(), ts(w.createdAt()), w.createdBy())
                .update();
    }

    /** Oldest first, so a list reads in the order the windows were made. */
    public List<FreezeWindow> forStage(String envKey) {
        return jdbc.sql("select " + COLUMNS + " from freeze_window where env_key = ? order by created_at, window_key")
                .param(envKey).query(FreezeWindowRepository::map).list();
    }

    public Optional<FreezeWindow> find(String envKey, String windowKey) {
        return jdbc.sql("select " + COLUMNS + " from freeze_window where env_key = ? and window_key = ?")
                .params(envKey, windowKey).query(FreezeWindowRepository::map).optional();
    }

    public boolean delete(String envKey, String windowKey) {
        return jdbc.sql("delete from freeze_window where env_key = ? and window_key = ?")
                .params(envKey, windowKey).update() == 1;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static FreezeWindow map(ResultSet rs, int row) throws SQLException {
        int minutes = rs.getInt("duration_minutes");
        Integer duration = rs.wasNull() ? null : minutes;
        return new FreezeWindow(rs.getString("window_key"), rs.getString("env_key"), rs.getString("name"),
                instant(rs.getTimestamp("start_at")), instant(rs.getTimestamp("end_at")), rs.getString("cron"),
                duration, rs.getString("time_zone"), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"));
    }
}
