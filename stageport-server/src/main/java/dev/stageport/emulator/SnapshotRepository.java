package dev.stageport.emulator;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * Snapshots of the application tables kept in the database itself (table
 * emulator_snapshot), so they work alike on H2 and PostgreSQL and survive a restart:
 * a generic table-by-table copy over JDBC metadata ({@link AppTables}, {@link TableCodec})
 * rather than H2's SCRIPT or a PostgreSQL dump, which exist on one database only.
 */
@Repository
class SnapshotRepository {

    private final DataSource dataSource;

    SnapshotRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean exists(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from emulator_snapshot where name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new SnapshotFailure("Cannot read the snapshot '" + name + "'", e);
        }
    }

    int runningOperations() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from work_item where state = 'Running'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new SnapshotFailure("Cannot count the running operations", e);
        }
    }

    /** Copies every application table into the snapshot {@code name}, replacing one of that name. */
    void take(String name, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<AppTables.Table> tables = AppTables.read(c);
                List<byte[]> contents = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                for (AppTables.Table table : tables) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (Statement s = c.createStatement();
                         ResultSet rows = s.executeQuery("select " + table.columnList() + " from " + table.name())) {
                        counts.add(TableCodec.write(rows, table.columns(), bytes));
                    }
                    contents.add(bytes.toByteArray());
                }
                try (PreparedStatement delete = c.prepareStatement("delete from emulator_snapshot where name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("insert into emulator_snapshot (name, table_name,"
                        + " position, row_count, content, taken_at) values (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < tables.size(); i++) {
                        insert.setString(1, name);
                        insert.setString(2, tables.get(i).name());
                        insert.setInt(3, i);
                        insert.setInt(4, counts.get(i));
                        insert.setBytes(5, contents.get(i));
                        insert.setObject(6, now.atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SnapshotFailure("Cannot take the snapshot '" + name + "'", e);
        }
    }

    /**
     * Replaces the rows of every application table with the snapshot's in one transaction
     * (children deleted first, parents inserted first), then moves identity columns past
     * the restored values. A table the snapshot does not know (added by a later migration) is emptied.
     */
    void restore(String name) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<AppTables.Table> tables = AppTables.read(c);
            try {
                for (int i = tables.size() - 1; i >= 0; i--) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("delete from " + tables.get(i).name());
                    }
                }
                for (AppTables.Table table : tables) {
                    byte[] content = content(c, name, table.name());
                    if (content == null) {
                        continue;
                    }
                    String marks = String.join(", ", table.columns().stream().map(col -> "?").toList());
                    try (PreparedStatement insert = c.prepareStatement("insert into " + table.name() + " ("
                            + table.columnList() + ") values (" + marks + ")")) {
                        TableCodec.read(content, table.columns(), insert);
                        insert.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            restartIdentities(c, tables);
        } catch (SQLException e) {
            throw new SnapshotFailure("Cannot restore the snapshot '" + name + "'", e);
        }
    }

    private static byte[] content(Connection c, String name, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select content from emulator_snapshot where name = ? and table_name = ?")) {
            s.setString(1, name);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Identity columns would hand out values the restored rows already use; the only database-specific SQL. */
    private static void restartIdentities(Connection c, List<AppTables.Table> tables) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        for (AppTables.Table table : tables) {
            for (AppTables.Column column : table.columns()) {
                if (!column.identity()) {
                    continue;
                }
                long next;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select coalesce(max(" + column.name() + "), 0) + 1 from "
                             + table.name())) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement s = c.createStatement()) {
                    if (postgres) {
                        s.execute("select setval(pg_get_serial_sequence('" + table.name() + "', '" + column.name()
                                + "'), " + next + ", false)");
                    } else {
                        s.execute("alter table " + table.name() + " alter column " + column.name()
                                + " restart with " + next);
                    }
                }
            }
        }
    }

    /** A database failure while copying: a bug or a broken database, never bad input. */
    static final class SnapshotFailure extends RuntimeException {
        SnapshotFailure(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
