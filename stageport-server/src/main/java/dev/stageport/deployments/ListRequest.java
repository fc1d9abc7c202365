package dev.stageport.deployments;

import java.util.List;

/** The query parameters of GET /deployment-operations as received, before validation. */
public record ListRequest(
        String environmentKey,
        OperationStatus status,
        String assetKey,
        Integer revision,
        String portfolioKey,
        List<DeploymentOperationsType> operations,
        String createdDateSince,
        String createdDateTo,
        String permissionFilter,
        Integer limit,
        Integer offset,
        String sort) {
}
