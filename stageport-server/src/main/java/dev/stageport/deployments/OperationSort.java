package dev.stageport.deployments;

import dev.stageport.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sort values ODC documents for the operation list, each mapped to a fixed
 * column. Only these column names ever reach SQL; the input only selects among them.
 */
public record OperationSort(List<Order> orders) {

    public static final String DEFAULT = "-CreatedAt";

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("createdat", "started_at");
        COLUMNS.put("updatedat", "updated_at");
        COLUMNS.put("applicationkey", "asset_key");
        COLUMNS.put("assetkey", "asset_key");
        COLUMNS.put("applicationname", "asset_name");
        COLUMNS.put("assetname", "asset_name");
        COLUMNS.put("finishedat", "finished_at");
    }

    public record Order(String column, boolean descending) {
    }

    /** Parses e.g. {@code -CreatedAt,AssetName}; names are matched ignoring case. */
    public static OperationSort parse(String sort) {
        String value = sort == null || sort.isBlank() ? DEFAULT : sort;
        List<Order> orders = new ArrayList<>();
        for (String raw : value.split(",")) {
            String part = raw.trim();
            boolean descending = part.startsWith("-");
            String name = descending || part.startsWith("+") ? part.substring(1).trim() : part;
            String column = COLUMNS.get(name.toLowerCase());
            if (column == null) {
                throw ApiException.badRequest("'sort' has the unknown value '" + part + "'; supported: CreatedAt, "
                        + "UpdatedAt, ApplicationKey, AssetKey, ApplicationName, AssetName, FinishedAt, each "
                        + "optionally prefixed with '-' for descending.");
            }
            orders.add(new Order(column, descending));
        }
        return new OperationSort(List.copyOf(orders));
    }

    /** Whether the first order is by creation, newest first (the default). */
    public boolean newestFirst() {
        Order first = orders.get(0);
        return first.column().equals("started_at") && first.descending();
    }

    /** The ORDER BY clause, with the key as a final tie-breaker so that pages are stable. */
    public String orderBy() {
        StringBuilder out = new StringBuilder();
        for (Order order : orders) {
            out.append(order.column()).append(order.descending() ? " desc" : " asc").append(", ");
        }
        return out.append("op_key asc").toString();
    }
}
