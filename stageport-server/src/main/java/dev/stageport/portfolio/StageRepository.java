package dev.stageport.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StageRepository {

    private static final String COLUMNS = """
            env_key, name, purpose, sort_order, hostname, region, hosting, runtime_driver, runtime_settings,
            created_at""";

    private final JdbcClient jdbc;

    public StageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stage> all() {
        return jdbc.sql("select " + COLUMNS + " from environment order by sort_order, name")
                .query(StageRepository::map).list();
    }

    public Optional<Stage> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from environment where env_key = ?").param(key)
                .query(StageRepository::map).optional();
    }

    public boolean any() {
        return jdbc.sql("select count(*) from environment").query(Long.class).single() > 0;
    }

    public void insert(Stage stage) {
        jdbc.sql("insert into environment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(stage.key(), stage.name(), stage.purpose().name(), stage.order(), stage.hostname(),
                        stage.region(), stage.hosting(), stage.runtimeDriver(), stage.runtimeSettings(),
                        Timestamp.from(stage.createdAt()))
                .update();
    }

    /** Changes the driver a stage runs its apps with; true when the stage exists. */
    public boolean updateRuntime(String key, String driver, String settingsJson) {
        return jdbc.sql("update environment set runtime_driver = ?, runtime_settings = ? where env_key = ?")
                .params(driver, settingsJson, key).update() == 1;
    }

    /** Sets a stage's name and order; true when the stage exists. */
    public boolean rename(String key, String name, int order) {
        return jdbc.sql("update environment set name = ?, sort_order = ? where env_key = ?")
                .params(name, order, key).update() == 1;
    }

    /**
     * Replaces a stage's runtime settings only if they are still {@code expected} and the driver
     * is still {@code driver}: two replicas writing at once cannot both win.
     */
    public boolean updateRuntimeSettingsIf(String key, String driver, String expected, String settingsJson) {
        return jdbc.sql("""
                update environment set runtime_settings = ?
                where env_key = ? and runtime_driver = ? and coalesce(runtime_settings, '') = ?""")
                .params(settingsJson, key, driver, expected == null ? "" : expected).update() == 1;
    }

    private static Stage map(ResultSet rs, int row) throws SQLException {
        return new Stage(rs.getString("env_key"), rs.getString("name"),
                Stage.Purpose.valueOf(rs.getString("purpose")), rs.getInt("sort_order"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("hosting"), rs.getString("runtime_driver"),
                rs.getString("runtime_settings"), rs.getTimestamp("created_at").toInstant());
    }
}
