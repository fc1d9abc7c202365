package dev.stageport.configurations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConfigurationRepository {

    private static final String COLUMNS = """
            env_key, asset_key, item_path, value_text, encrypted, filename, applied, version, updated_at, updated_by""";

    private final JdbcClient jdbc;

    public ConfigurationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every value set for the asset in the stage, by item path. */
    Map<String, ConfigValue> values(String environmentKey, String assetKey) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from config_value where env_key = ? and asset_key = ? order by item_path")
                .params(environmentKey, assetKey)
                .query(ConfigurationRepository::map).list()
                .forEach(v -> values.put(v.path(), v));
        return values;
    }

    /**
     * The stage's value of one item, locked until the transaction ends: two writers of the
     * same item take turns, so each history entry's previous value is the one it replaced.
     */
    Optional<ConfigValue> lock(String environmentKey, String assetKey, String path) {
        return jdbc.sql("select " + COLUMNS + " from config_value where env_key = ? and asset_key = ? and item_path = ?"
                        + " for update")
                .params(environmentKey, assetKey, path)
                .query(ConfigurationRepository::map).optional();
    }

    /** Removes the stage's own value if it is still the version read; false when someone changed it first. */
    boolean delete(ConfigValue value) {
        return jdbc.sql("delete from config_value where env_key = ? and asset_key = ? and item_path = ? and version = ?")
                .params(value.environmentKey(), value.assetKey(), value.path(), value.version())
                .update() == 1;
    }

    /**
     * Sets a pending value, bumping its version so that a deployment that read an
     * older version cannot mark this one applied. A concurrent first insert of the
     * same item surfaces as Spring's DuplicateKeyException.
     */
    void setPending(String environmentKey, String assetKey, String path, String valueText, boolean encrypted,
                    String filename, Instant at, String by) {
        int updated = jdbc.sql("""
                update config_value set value_text = ?, encrypted = ?, filename = ?, applied = false,
                       version = version + 1, updated_at = ?, updated_by = ?
                where env_key = ? and asset_key = ? and item_path = ?""")
                .params(valueText, encrypted, filename, Timestamp.from(at), by, environmentKey, assetKey, path)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into config_value (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, false, 1, ?, ?)")
                    .params(environmentKey, assetKey, path, valueText, encrypted, filename, Timestamp.from(at), by)
                    .update();
        }
    }

    /**
     * Inserts the first value of an item unless a concurrent writer did so first (then
     * false: lock that row and update it). Waiting on the other writer instead of failing
     * lets two first-time writes of the same item both succeed.
     */
    boolean insertPending(String environmentKey, String assetKey, String path, String valueText, boolean encrypted,
                          String filename, Instant at, String by) {
        return jdbc.sql("insert into config_value (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, false, 1, ?, ?)"
                        + " on conflict do nothing")
                .params(environmentKey, assetKey, path, valueText, encrypted, filename, Timestamp.from(at), by)
                .update() > 0;
    }

    /**
     * Marks one value applied if it is still the version a deployment read and was pending;
     * true when this call applied it.
     */
    boolean markApplied(String environmentKey, String assetKey, String path, long version) {
        return jdbc.sql("""
                update config_value set applied = true
                where env_key = ? and asset_key = ? and item_path = ? and version = ? and applied = false""")
                .params(environmentKey, assetKey, path, version)
                .update() > 0;
    }

    private static ConfigValue map(ResultSet rs, int row) throws SQLException {
        return new ConfigValue(rs.getString("env_key"), rs.getString("asset_key"), rs.getString("item_path"),
                rs.getString("value_text"), rs.getBoolean("encrypted"), rs.getString("filename"),
                rs.getBoolean("applied"), rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
