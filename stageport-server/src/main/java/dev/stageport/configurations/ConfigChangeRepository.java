package dev.stageport.configurations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * config_history: written in the transaction of each change, read newest first. "Newest" is the
 * order of writing (id), not changed_at: a writer that waited for another's lock on the same value
 * wrote after it, though its clock reading may be the earlier one.
 */
@Repository
public class ConfigChangeRepository {

    /** Filters of a history query; null means "any". {@code withStageDefaults} adds the stage-wide rows. */
    record Query(String environmentKey, String assetKey, boolean withStageDefaults, String itemKey, String section,
                 Instant since, int limit, int offset) {
    }

    record Page(List<ConfigChange> rows, int total) {
    }

    private final JdbcClient jdbc;

    public ConfigChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConfigChange c) {
        jdbc.sql("""
                insert into config_history (env_key, asset_key, section, item_key, item_name, previous_value,
                    new_value, secret, source, operation_key, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.environmentKey(), c.assetKey(), c.section(), c.itemKey(), c.name(),
                        c.secret() ? null : c.previousValue(), c.secret() ? null : c.newValue(), c.secret(),
                        c.source().name(), c.operationKey(), c.changedBy(), Timestamp.from(c.changedAt()))
                .update();
    }

    Page find(Query q) {
        StringBuilder where = new StringBuilder(" where env_key = ? and (asset_key = ?");
        List<Object> params = new ArrayList<>(List.of(q.environmentKey(), q.assetKey()));
        where.append(q.withStageDefaults() ? " or asset_key is null)" : ")");
        if (q.itemKey() != null) {
            where.append(" and lower(item_key) = lower(?)");
            params.add(q.itemKey());
        }
        if (q.section() != null) {
            where.append(" and section = ?");
            params.add(q.section());
        }
        if (q.since() != null) {
            where.append(" and changed_at >= ?");
            params.add(Timestamp.from(q.since()));
        }
        int total = jdbc.sql("select count(*) from config_history" + where).params(params).query(Integer.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.limit());
        paged.add(q.offset());
        List<ConfigChange> rows = jdbc.sql("select * from config_history" + where
                        + " order by id desc limit ? offset ?")
                .params(paged).query(ConfigChangeRepository::map).list();
        return new Page(rows, total);
    }

    /** Item keys the history of the asset in the stage holds (lower case), to tell a typo from "no changes yet". */
    Set<String> itemKeys(String environmentKey, String assetKey) {
        return Set.copyOf(jdbc.sql("""
                select distinct lower(item_key) from config_history
                where env_key = ? and (asset_key = ? or asset_key is null)""")
                .params(environmentKey, assetKey).query(String.class).list());
    }

    private static ConfigChange map(ResultSet rs, int row) throws SQLException {
        return new ConfigChange(rs.getLong("id"), rs.getString("env_key"), rs.getString("asset_key"),
                rs.getString("section"), rs.getString("item_key"), rs.getString("item_name"),
                rs.getString("previous_value"), rs.getString("new_value"), rs.getBoolean("secret"),
                ConfigChange.Source.valueOf(rs.getString("source")), rs.getString("operation_key"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
