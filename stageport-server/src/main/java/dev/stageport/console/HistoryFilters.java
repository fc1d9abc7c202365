package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.ListRequest;
import dev.stageport.deployments.OperationStatus;
import java.util.List;

/**
 * The operations page's filters: the same as the API's list of deployment operations, so a filtered
 * page and {@code GET /api/deployments/v1/deployment-operations} with the same query show the same rows.
 */
record HistoryFilters(String environmentKey, OperationStatus status, String assetKey, Integer revision,
                      String portfolioKey, List<DeploymentOperationsType> operations, String createdDateSince,
                      String createdDateTo, String permissionFilter, String sort) {

    HistoryFilters {
        environmentKey = blank(environmentKey);
        assetKey = blank(assetKey);
        portfolioKey = blank(portfolioKey);
        operations = operations == null ? List.of() : List.copyOf(operations);
        createdDateSince = blank(createdDateSince);
        createdDateTo = blank(createdDateTo);
        permissionFilter = blank(permissionFilter);
        sort = blank(sort);
    }

    ListRequest page(int limit, Integer offset) {
        return new ListRequest(environmentKey, status, assetKey, revision, portfolioKey,
                operations.isEmpty() ? null : operations, createdDateSince, createdDateTo, permissionFilter, limit,
                offset, sort);
    }

    public boolean selects(DeploymentOperationsType type) {
        return operations.contains(type);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
