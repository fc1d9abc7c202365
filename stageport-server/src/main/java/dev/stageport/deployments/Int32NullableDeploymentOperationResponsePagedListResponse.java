package dev.stageport.deployments;

import dev.stageport.web.Int32NullablePageInfo;
import java.util.List;

/** One page of GET /deployment-operations. */
public record Int32NullableDeploymentOperationResponsePagedListResponse(
        Int32NullablePageInfo page, List<DeploymentOperationResponse> results) {
}
