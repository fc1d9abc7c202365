package dev.stageport.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills deployment_operation with finished history, straight into the embedded
 * database file while the server is stopped: one INSERT ... SELECT over a number
 * range, so a million rows take seconds instead of a million API calls. Rows
 * spread over the stages and assets the server created, three operation types,
 * one in twenty FinishedWithError, one every 30 s going back from 2026-01-01.
 */
final class HistoryLoader {

    private static final long CHUNK = 50_000;

    private HistoryLoader() {
    }

    /** Adds rows until the table holds {@code target} history rows; returns how many it added. */
    static long fill(Path dataDir, long target) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("stageport")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            long have = count(db, "select count(*) from deployment_operation where deployed_by = 'history'");
            if (have >= target) {
                return 0;
            }
            try (Statement s = db.createStatement()) {
                s.execute("create local temporary table bench_stage as select row_number() over (order by env_key)"
                        + " - 1 as i, env_key from environment");
                s.execute("create local temporary table bench_asset as select row_number() over (order by"
                        + " asset_key) - 1 as i, asset_key, name, portfolio_key from asset");
            }
            long stages = count(db, "select count(*) from bench_stage");
            long assets = count(db, "select count(*) from bench_asset");
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into deployment_operation (op_key, operation, asset_key, asset_name, revision, build_key,
                        env_key, portfolio_key, status, started_at, finished_at, updated_at, deployed_by, attempts,
                        version)
                    select cast(random_uuid() as varchar), case mod(r.x_, 10) when 0 then 'Undeploy'
                               when 1 then 'ApplyConfigs' else 'Deploy' end,
                           a.asset_key, a.name, 1 + mod(r.x_, 5), cast(random_uuid() as varchar), s.env_key,
                           a.portfolio_key, case when mod(r.x_, 20) = 0 then 'FinishedWithError' else 'Finished' end,
                           dateadd(second, -30 * r.x_, timestamp with time zone '2026-01-01 00:00:00+00'),
                           dateadd(second, 20 - 30 * r.x_, timestamp with time zone '2026-01-01 00:00:00+00'),
                           dateadd(second, 20 - 30 * r.x_, timestamp with time zone '2026-01-01 00:00:00+00'),
                           'history', 1, 3
                    from (select "X" as x_ from system_range(?, ?)) r
                    join bench_asset a on a.i = mod(r.x_, ?)
                    join bench_stage s on s.i = mod(r.x_ / ?, ?)""")) {
                // chunks of 50,000, each committed: one huge transaction makes H2's undo log the bottleneck
                long added = inChunks(insert, have, target, CHUNK, assets, stages);
                try (Statement s = db.createStatement()) {
                    s.execute("analyze");
                    s.execute("shutdown compact");
                }
                return added;
            }
        }
    }

    /**
     * Runs the loader's INSERT ... SELECT (parameters: first and last number, assets, assets, stages)
     * over the numbers after {@code have} up to {@code target}, {@code chunk} at a time; returns the rows added.
     */
    static long inChunks(PreparedStatement insert, long have, long target, long chunk, long assets, long stages)
            throws SQLException {
        long added = 0;
        for (long from = have + 1; from <= target; from += chunk) {
            insert.setLong(1, from);
            insert.setLong(2, Math.min(target, from + chunk - 1));
            insert.setLong(3, assets);
            insert.setLong(4, assets);
            insert.setLong(5, stages);
            added += insert.executeUpdate();
        }
        return added;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
