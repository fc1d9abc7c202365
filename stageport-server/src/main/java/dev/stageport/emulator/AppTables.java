package dev.stageport.emulator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The application's tables as JDBC metadata describes them, parents before children
 * (by their foreign keys), so a copy can insert in that order and delete in the other.
 * Left out: Flyway's history, the snapshots themselves, and the token signing key
 * (tokens issued before a reset stay valid).
 */
final class AppTables {

    static final Set<String> KEPT = Set.of("flyway_schema_history", "emulator_snapshot", "signing_key");

    record Column(String name, int jdbcType, boolean identity) {
    }

    record Table(String name, List<Column> columns) {

        String columnList() {
            return String.join(", ", columns.stream().map(Column::name).toList());
        }
    }

    private AppTables() {
    }

    static List<Table> read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Table> tables = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    tables.put(name, null);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : List.copyOf(tables.keySet())) {
            tables.put(name, new Table(name, columns(meta, connection.getCatalog(), schema, name)));
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(name)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(name, of);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            place(name, tables, parents, placed, ordered);
        }
        return ordered;
    }

    private static void place(String name, Map<String, Table> tables, Map<String, Set<String>> parents,
                              Set<String> placed, List<Table> ordered) {
        if (!tables.containsKey(name) || !placed.add(name)) {
            return;
        }
        for (String parent : parents.getOrDefault(name, Set.of())) {
            place(parent, tables, parents, placed, ordered);
        }
        ordered.add(tables.get(name));
    }

    private static List<Column> columns(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }
}
