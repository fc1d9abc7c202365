package dev.stageport.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of runtime_simulation; asset key '*' holds the stage-wide settings. */
@Repository
public class SimulationRepository {

    public static final String STAGE_WIDE = "*";

    private final JdbcClient jdbc;

    public SimulationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SimulationSettings> find(String environmentKey, String assetKey) {
        return jdbc.sql("""
                select step_millis, fail_step, fail_message from runtime_simulation
                where env_key = ? and asset_key = ?""")
                .params(environmentKey, assetKey)
                .query(SimulationRepository::map)
                .optional();
    }

    /** The asset's own row, else the stage-wide one, in one query (the simulated runtime asks at every step). */
    public Optional<SimulationSettings> findForAsset(String environmentKey, String assetKey) {
        return jdbc.sql("""
                select step_millis, fail_step, fail_message from runtime_simulation
                where env_key = ? and asset_key in (?, ?)
                order by case when asset_key = ? then 1 else 0 end limit 1""")
                .params(environmentKey, assetKey, STAGE_WIDE, STAGE_WIDE)
                .query(SimulationRepository::map)
                .optional();
    }

    private static SimulationSettings map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SimulationSettings(rs.getInt("step_millis"), rs.getString("fail_step"), rs.getString("fail_message"));
    }

    public void save(String environmentKey, String assetKey, SimulationSettings settings, Instant now) {
        int updated = jdbc.sql("""
                update runtime_simulation set step_millis = ?, fail_step = ?, fail_message = ?, updated_at = ?
                where env_key = ? and asset_key = ?""")
                .params(settings.stepMillis(), settings.failStep(), settings.failMessage(), Timestamp.from(now),
                        environmentKey, assetKey)
                .update();
        if (updated == 0) {
            try {
                insert(environmentKey, assetKey, settings, now);
            } catch (DuplicateKeyException raced) {
                // another PUT inserted the row between our update and insert: last writer wins
                save(environmentKey, assetKey, settings, now);
            }
        }
    }

    private void insert(String environmentKey, String assetKey, SimulationSettings settings, Instant now) {
        jdbc.sql("""
                insert into runtime_simulation (env_key, asset_key, step_millis, fail_step, fail_message, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(environmentKey, assetKey, settings.stepMillis(), settings.failStep(),
                        settings.failMessage(), Timestamp.from(now))
                .update();
    }
}
