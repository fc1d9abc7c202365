package dev.stageport.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what happened from the shared database: operation statuses, and the calls the
 * simulated runtime received (simulated_runtime_call), which survive any crash of the
 * replica that made them. From the calls it replays which simulated instances are left started.
 */
final class RuntimeLedger {

    private final String url;

    RuntimeLedger(String url) {
        this.url = url;
    }

    /** The keys of every deployment operation still Running. */
    Set<String> running() throws SQLException {
        return new LinkedHashSet<>(column("select op_key from deployment_operation where status = 'Running'", List.of()));
    }

    /** Status of each operation in {@code keys}. */
    Map<String, String> statuses(Collection<String> keys) throws SQLException {
        return pairs("select op_key, status from deployment_operation where op_key in (" + marks(keys) + ")", keys);
    }

    /** How often each operation's step reached the runtime, on any replica and across crashes. */
    Map<String, Integer> calls(Collection<String> keys, String step) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.put(k, 0));
        List<String> params = new ArrayList<>(keys);
        params.add(step);
        pairs("select op_key, count(*) from simulated_runtime_call where op_key in (" + marks(keys) + ") and step = ?"
                + " group by op_key", params).forEach((k, n) -> counts.put(k, Integer.valueOf(n)));
        return counts;
    }

    /** Operations that a second worker claimed: their first worker died (or lost its lease). */
    int resumed(Collection<String> keys) throws SQLException {
        return column("select op_key from work_item where attempts > 1 and op_key in (" + marks(keys) + ")",
                List.copyOf(keys)).size();
    }

    /** The deployment that serves the asset in the stage, as recorded. */
    String serving(String stage, String asset) throws SQLException {
        List<String> keys = column("select deployment_key from deployed_asset where env_key = ? and asset_key = ?",
                List.of(stage, asset));
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The operation's messages, for a failure report. */
    List<String> messages(String key) throws SQLException {
        return column("select step_id || ': ' || message from work_message where op_key = ? order by id", List.of(key));
    }

    /**
     * Replays one target's runtime calls, for operations that ran one after the other: Provision
     * starts the operation's instance, Discard stops it, and RetirePrevious of an operation stops
     * the instance of the operation before it. Returns the instances left started.
     */
    Set<String> startedInstances(List<String> opsInOrder) throws SQLException {
        Map<String, String> previous = new LinkedHashMap<>();
        for (int i = 1; i < opsInOrder.size(); i++) {
            previous.put(opsInOrder.get(i), opsInOrder.get(i - 1));
        }
        Set<String> started = new LinkedHashSet<>();
        String sql = "select op_key, step from simulated_runtime_call where op_key in (" + marks(opsInOrder)
                + ") order by id";
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = prepare(connection, sql, opsInOrder);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String op = rs.getString(1);
                switch (rs.getString(2)) {
                    case "Provision" -> started.add(op);
                    case "Discard" -> started.remove(op);
                    case "RetirePrevious" -> {
                        if (previous.containsKey(op)) {
                            started.remove(previous.get(op));
                        }
                    }
                    default -> {
                        // HealthCheck and Activate start and stop nothing
                    }
                }
            }
        }
        return started;
    }

    private List<String> column(String sql, List<String> params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = prepare(connection, sql, params);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Map<String, String> pairs(String sql, Collection<String> params) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = prepare(connection, sql, params);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Collection<String> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        for (String param : params) {
            statement.setString(i++, param);
        }
        return statement;
    }

    private static String marks(Collection<String> keys) {
        return String.join(",", java.util.Collections.nCopies(Math.max(1, keys.size()), "?"));
    }
}
