package dev.stageport.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read-only projections behind the stages × assets page, one query per kind of fact. */
@Repository
class OverviewRepository {

    record AssetRow(String key, String name, String type) {
    }

    record Running(String environmentKey, String assetKey, int revision, String tag, Instant deployedAt,
                   String deployedBy) {
    }

    record LastOperation(String environmentKey, String assetKey, String operationKey, String operation,
                         String status, Instant startedAt, Instant finishedAt, String deployedBy) {
    }

    record Pending(String environmentKey, String assetKey) {
    }

    private final JdbcClient jdbc;

    OverviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AssetRow> assets() {
        return jdbc.sql("select asset_key, name, asset_type from asset order by lower(name), asset_key")
                .query((rs, n) -> new AssetRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<Running> running() {
        return jdbc.sql("""
                select d.env_key, d.asset_key, d.revision, r.tag, d.deployed_at, d.deployed_by
                from deployed_asset d
                left join asset_revision r on r.asset_key = d.asset_key and r.revision = d.revision""")
                .query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), rs.getString(6)))
                .list();
    }

    /** The newest operation per asset and stage. */
    List<LastOperation> lastOperations() {
        return jdbc.sql("""
                select o.env_key, o.asset_key, o.op_key, o.operation, o.status, o.started_at, o.finished_at,
                       o.deployed_by
                from deployment_operation o
                where o.op_key = (select o2.op_key from deployment_operation o2
                                  where o2.asset_key = o.asset_key and o2.env_key = o.env_key
                                  order by o2.started_at desc, o2.op_key desc limit 1)""")
                .query((rs, n) -> new LastOperation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        rs.getString(8)))
                .list();
    }

    /** Asset and stage pairs with a value set since the last Deploy or ApplyConfigs. */
    List<Pending> pending() {
        return jdbc.sql("select distinct env_key, asset_key from config_value where applied = false")
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
