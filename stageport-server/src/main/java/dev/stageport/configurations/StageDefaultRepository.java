package dev.stageport.configurations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stage-wide system configuration defaults (config_stage_default). Catalog items are never secret. */
@Repository
public class StageDefaultRepository {

    record StageDefault(String key, String value, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    public StageDefaultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, StageDefault> all(String environmentKey) {
        Map<String, StageDefault> out = new LinkedHashMap<>();
        jdbc.sql("select item_key, value_text, updated_at from config_stage_default where env_key = ?")
                .params(environmentKey)
                .query((rs, row) -> new StageDefault(rs.getString("item_key"), rs.getString("value_text"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list().forEach(d -> out.put(d.key(), d));
        return out;
    }

    Map<String, String> values(String environmentKey) {
        Map<String, String> out = new LinkedHashMap<>();
        all(environmentKey).forEach((k, d) -> out.put(k, d.value()));
        return out;
    }

    void set(String environmentKey, String key, String value, Instant at, String by) {
        int updated = jdbc.sql("""
                update config_stage_default set value_text = ?, updated_at = ?, updated_by = ?
                where env_key = ? and item_key = ?""")
                .params(value, Timestamp.from(at), by, environmentKey, key).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into config_stage_default (env_key, item_key, value_text, updated_at, updated_by)
                    values (?, ?, ?, ?, ?)""")
                    .params(environmentKey, key, value, Timestamp.from(at), by).update();
        }
    }
}
