package dev.stageport.deployments;

import dev.stageport.web.Paging;
import java.time.Instant;
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
}
