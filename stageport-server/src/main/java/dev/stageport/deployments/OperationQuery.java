package dev.stageport.deployments;

import dev.stageport.web.Paging;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A validated list request. {@code visibleStages} null means every stage; an
 * empty set means the caller can see nothing (the list is then empty).
 */
public record OperationQuery(
        Set<String> visibleStages,
        String environmentKey,
        OperationStatus status,
        String assetKey,
        Integer revision,
        String portfolioKey,
        List<DeploymentOperationsType> operations,
        Instant createdSince,
        Instant createdTo,
        OperationSort sort,
        Paging paging) {

    /**
     * The WHERE clause of these filters over the columns deployment and publish
     * operations share (env_key, status, asset_key, revision, portfolio_key, started_at).
     */
    public String where(List<Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (visibleStages != null) {
            in(where, params, "env_key", visibleStages);
        }
        eq(where, params, "env_key", environmentKey);
        eq(where, params, "status", status == null ? null : status.name());
        eq(where, params, "asset_key", assetKey);
        eq(where, params, "revision", revision);
        eq(where, params, "portfolio_key", portfolioKey);
        if (operations != null && !operations.isEmpty()) {
            in(where, params, "operation", operations.stream().map(Enum::name).distinct().toList());
        }
        if (createdSince != null) {
            where.append(" and started_at >= ?");
            params.add(Timestamp.from(createdSince));
        }
        if (createdTo != null) {
            where.append(" and started_at <= ?");
            params.add(Timestamp.from(createdTo));
        }
        return where.toString();
    }

    /**
     * The ORDER BY of the deployment operation list. For the default newest-first order, a filter
     * that fixes one status, asset, portfolio or operation type is put in front: within the result
     * it is a constant, so the order is unchanged, but H2 reads an index in order only when the
     * ORDER BY starts with the index's first column. With the (column, started_at desc, op_key)
     * indexes of V60/V61 a page is then read in order instead of sorting every match.
     */
    public String orderBy() {
        String order = sort.orderBy();
        if (!sort.newestFirst()) {
            return order;
        }
        String leading = assetKey != null ? "asset_key"
                : portfolioKey != null ? "portfolio_key"
                : status != null ? "status"
                : operations != null && operations.stream().distinct().count() == 1 ? "operation"
                : null;
        return leading == null ? order : leading + " asc, " + order;
    }

    private static void eq(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static void in(StringBuilder where, List<Object> params, String column, Collection<String> values) {
        if (values.isEmpty()) {
            where.append(" and 1 = 0");
            return;
        }
        where.append(" and ").append(column).append(" in (")
                .append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
        params.addAll(values);
    }
}
